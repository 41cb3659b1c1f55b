package org.civiquiz.exam.web;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

import org.civiquiz.contest.ContestSettings;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.AttemptView;
import org.civiquiz.exam.ExamService;
import org.civiquiz.exam.SubmissionRequest;
import org.civiquiz.exam.SubmissionResult;
import org.civiquiz.exam.attempt.ExamException;
import org.civiquiz.exam.autosave.AnswerSaves;
import org.civiquiz.exam.start.AttemptStarts;
import org.civiquiz.exam.start.StartKey;
import org.civiquiz.participant.PhoneNumbers;
import org.civiquiz.participant.Registration;
import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.KeyedHasher;
import org.civiquiz.platform.StoreUnavailable;
import org.civiquiz.security.RateLimitedException;
import org.civiquiz.security.RateLimiter;
import org.civiquiz.waitingroom.WaitingRoom;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

@RestController
public class ExamController {

	public static final String TOKEN_HEADER = "X-Attempt-Token";

	/**
	 * A random id the browser keeps for itself and sends when it starts an attempt: how
	 * the award committee sees one device used by many participants.
	 */
	public static final String DEVICE_HEADER = "X-Device-Id";

	/** A UUID or anything like it; any other value is ignored, never refused. */
	private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	/**
	 * One key per press of the start button, sent again with every retry of that start: 1
	 * to 64 of {@code A-Z a-z 0-9 -}.
	 */
	public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	/** The waiting room's ticket, sent back with the start once it is admitted. */
	public static final String TICKET_HEADER = "X-Waiting-Room-Ticket";

	private final ExamService exams;

	private final AttemptStarts starts;

	private final KeyedHasher hasher;

	private final RateLimiter limiter;

	private final WaitingRoom room;

	private final AnswerSaves saves;

	ExamController(ExamService exams, AttemptStarts starts, KeyedHasher hasher, RateLimiter limiter, WaitingRoom room,
			AnswerSaves saves) {
		this.exams = exams;
		this.starts = starts;
		this.saves = saves;
		this.hasher = hasher;
		this.limiter = limiter;
		this.room = room;
	}

	/**
	 * A start. With an {@code Idempotency-Key}, the same start sent again (a page
	 * retrying after a lost answer, or two at once) answers the attempt the key started,
	 * with 200. Every start passes the waiting room first, before anything is charged or
	 * written.
	 */
	@PostMapping("/api/contests/{slug}/attempts")
	Mono<ResponseEntity<AttemptStarted>> start(@PathVariable String slug, @RequestBody Registration registration,
			@RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
			@RequestHeader(name = TICKET_HEADER, required = false) String ticket, ServerWebExchange exchange) {
		StartKey key;
		try {
			key = (idempotencyKey != null) ? StartKey.of(this.hasher, slug, idempotencyKey, registration) : null;
		}
		catch (ExamException ex) {
			return Mono.error(ex);
		}
		return this.exams.openForStarts(slug)
			.flatMap((contest) -> this.room.enter(contest.slug(), ticket, (key != null) ? key.key() : null)
				.flatMap(
						(pass) -> started(contest, registration, key, exchange).doFinally((signal) -> pass.release())));
	}

	private Mono<ResponseEntity<AttemptStarted>> started(ContestSettings contest, Registration registration,
			StartKey key, ServerWebExchange exchange) {
		Mono<ResponseEntity<AttemptStarted>> started = charged(contest, registration, key, exchange)
			.map(ExamController::created);
		if (key == null) {
			return started;
		}
		// the key's attempt is looked for only when this start cannot be a new one (a
		// retry, or a duplicate sent at once): a first try costs no extra read. A start
		// the key made is the answer, and this request uses none of the limits
		return started.onErrorResume(ExamController::maybeRepeated,
				(ex) -> this.starts.replay(contest, key)
					.flatMap((replayed) -> refundUnlessRefused(ex, registration, exchange)
						.thenReturn(ResponseEntity.ok(replayed)))
					.onErrorResume(ExamController::keyReused,
							(reused) -> refundUnlessRefused(ex, registration, exchange).then(Mono.error(reused)))
					.switchIfEmpty(Mono.error(ex)));
	}

	/** What a start answers when an earlier start with its key may have gone through. */
	private static boolean maybeRepeated(Throwable ex) {
		return ex instanceof RateLimitedException
				|| (ex instanceof ExamException refused && ("ATTEMPT_IN_PROGRESS".equals(refused.getCode())
						|| "ATTEMPT_LIMIT_REACHED".equals(refused.getCode())));
	}

	private static boolean keyReused(Throwable ex) {
		return ex instanceof ExamException refused && "IDEMPOTENCY_KEY_REUSED".equals(refused.getCode());
	}

	/** Gives back the limits a start used, unless they refused it (then it used none). */
	private Mono<Void> refundUnlessRefused(Throwable ex, Registration registration, ServerWebExchange exchange) {
		return (ex instanceof RateLimitedException) ? Mono.empty() : refund(registration, exchange);
	}

	/** A new start, charged to the address's and the phone's limits. */
	private Mono<AttemptStarted> charged(ContestSettings contest, Registration registration, StartKey key,
			ServerWebExchange exchange) {
		// both limits at once: one round trip
		return this.limiter.check(charges(registration, exchange))
			.then(Mono.defer(() -> this.starts.start(contest, registration, client(exchange), key)))
			// a page retrying while PostgreSQL restarts must not use up the person's
			// starts, nor may a start refused for its input (someone typing a victim's
			// phone with junk, or a school's computer sending nonsense), nor one without
			// the proof of a verified phone: only a start that passes validation is
			// charged
			.onErrorResume((ex) -> StoreUnavailable.causedBy(ex) || invalidInput(ex),
					(ex) -> refund(registration, exchange).then(Mono.error(ex)));
	}

	private Mono<Void> refund(Registration registration, ServerWebExchange exchange) {
		return this.limiter.refund(charges(registration, exchange));
	}

	/** What a start costs: one of the address's starts, one of the phone's. */
	private RateLimiter.Charge[] charges(Registration registration, ServerWebExchange exchange) {
		// the phone as the participant feature will read it: one bucket per person,
		// however the number is written
		String phone = PhoneNumbers.normalize(registration.phone()).orElse(null);
		return new RateLimiter.Charge[] {
				new RateLimiter.Charge(RateLimiter.Limit.START_PER_IP, this.limiter.clientAddress(exchange)),
				new RateLimiter.Charge(RateLimiter.Limit.START_PER_PHONE, phone) };
	}

	private static ResponseEntity<AttemptStarted> created(AttemptStarted started) {
		return ResponseEntity.created(URI.create("/api/attempts/" + started.attemptId())).body(started);
	}

	/**
	 * The registration or the contest asked for is not acceptable: a 400 or a 404, or a
	 * 403 for a phone not verified (anyone may type a victim's phone).
	 */
	private static boolean invalidInput(Throwable ex) {
		return ex instanceof CiviquizException refused && (refused.getStatus() == HttpStatus.BAD_REQUEST
				|| refused.getStatus() == HttpStatus.NOT_FOUND || refused.getStatus() == HttpStatus.FORBIDDEN);
	}

	@PostMapping("/api/attempts/{attemptId}/submission")
	Mono<SubmissionResult> submit(@PathVariable UUID attemptId,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@RequestBody SubmissionRequest request) {
		return this.limiter.check(RateLimiter.Limit.SUBMIT_PER_TOKEN, token)
			.then(Mono.defer(() -> this.exams.submit(attemptId, token, request)))
			.onErrorResume(StoreUnavailable::causedBy,
					(ex) -> this.limiter.refund(RateLimiter.Limit.SUBMIT_PER_TOKEN, token).then(Mono.error(ex)));
	}

	/**
	 * Saves the answers so far; the last save is what an attempt whose time runs out is
	 * submitted from. Answered 204 only once PostgreSQL has it.
	 */
	@PutMapping("/api/attempts/{attemptId}/answers")
	Mono<ResponseEntity<Void>> save(@PathVariable UUID attemptId,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@RequestBody SubmissionRequest request) {
		return this.limiter.check(RateLimiter.Limit.SAVE_PER_TOKEN, token)
			.then(Mono.defer(() -> this.saves.save(attemptId, token, request)))
			.onErrorResume(StoreUnavailable::causedBy,
					(ex) -> this.limiter.refund(RateLimiter.Limit.SAVE_PER_TOKEN, token).then(Mono.error(ex)))
			.thenReturn(ResponseEntity.noContent().build());
	}

	@GetMapping("/api/attempts/{attemptId}")
	Mono<AttemptView> view(@PathVariable UUID attemptId,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token) {
		return this.exams.view(attemptId, token);
	}

	private ExamService.ClientInfo client(ServerWebExchange exchange) {
		String address = this.limiter.clientAddress(exchange);
		byte[] ipHash = (address != null) ? this.hasher.hash("client-ip", address) : null;
		String agent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
		if (agent != null && agent.length() > 512) {
			agent = agent.substring(0, 512);
		}
		return new ExamService.ClientInfo(ipHash, agent,
				deviceHash(exchange.getRequest().getHeaders().getFirst(DEVICE_HEADER)));
	}

	private byte[] deviceHash(String deviceId) {
		return (deviceId != null && DEVICE_ID.matcher(deviceId).matches()) ? this.hasher.hash("device-id", deviceId)
				: null;
	}

}
