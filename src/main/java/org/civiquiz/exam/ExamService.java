package org.civiquiz.exam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.contest.ContestException;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Round;
import org.civiquiz.contest.Unit;
import org.civiquiz.participant.ParticipantService;
import org.civiquiz.participant.Registration;
import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.CiviquizException.FieldProblem;
import org.civiquiz.question.BankQuestion;
import org.civiquiz.question.DrawnQuestion;
import org.civiquiz.question.QuestionBank;
import org.civiquiz.question.QuestionBankService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Starts, submits and shows attempts. Scoring happens here, on the server, against the
 * question bank; the deadline is the server's.
 */
@Service
public class ExamService {

	private static final Log logger = LogFactory.getLog(ExamService.class);

	/**
	 * Counts submissions a listener (the leaderboard) missed; they are in PostgreSQL all
	 * the same.
	 */
	public static final String MISSED_ANNOUNCEMENTS = "civiquiz.submissions.missed.announcements";

	private final ContestService contests;

	private final QuestionBankService banks;

	private final ParticipantService participants;

	private final AttemptRepository attempts;

	private final List<AttemptListener> listeners;

	private final TransactionalOperator transaction;

	private final ExamProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	/**
	 * Seeded once at start-up, so that drawing tokens never waits for the OS's entropy.
	 */
	private final SecureRandom random;

	ExamService(ContestService contests, QuestionBankService banks, ParticipantService participants,
			AttemptRepository attempts, List<AttemptListener> listeners, TransactionalOperator transaction,
			ExamProperties properties, Clock clock, MeterRegistry meters) throws NoSuchAlgorithmException {
		this.contests = contests;
		this.banks = banks;
		this.participants = participants;
		this.attempts = attempts;
		this.listeners = listeners;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.random = SecureRandom.getInstance("DRBG");
		this.random.nextBytes(new byte[16]);
	}

	/**
	 * Registers the participant (or finds them by phone) and starts an attempt in the
	 * contest's open round. All of it, or nothing, is written.
	 * @param slug the contest
	 * @param registration what the participant entered
	 * @param client where the request came from
	 * @return the started attempt, with its token
	 */
	public Mono<AttemptStarted> start(String slug, Registration registration, ClientInfo client) {
		Instant now = now();
		return this.contests.settings(slug).flatMap((contest) -> {
			Round round = contest.requireOpenRound(now);
			return this.banks.bank(contest.questionBank()).flatMap((bank) -> {
				List<DrawnQuestion> drawn = ExamMetrics.draw(this.meters, contest.slug())
					.record(() -> bank.draw(contest.questionsPerAttempt(), contest.chapterQuotas(),
							ThreadLocalRandom.current()));
				Instant limit = now.plus(contest.timeLimit());
				Instant deadline = limit.isBefore(round.closesAt()) ? limit : round.closesAt();
				String token = newToken();
				return this.participants.register(contest, registration, now).flatMap((participant) -> {
					Attempt attempt = new Attempt(newId(), contest.id(), round.id(), participant.id(), sha256(token),
							drawn.stream().map((d) -> d.question().id()).toList(),
							drawn.stream().map(DrawnQuestion::optionOrder).toList(), now, deadline, AttemptStatus.OPEN,
							null, null, null, null, null,
							new Attempt.Taker(null, participant.unitId(), participant.district()));
					return this.attempts
						.insertIfAllowed(attempt, client, participant, now.minus(this.properties.submissionGrace()),
								contest.maxAttemptsPerRound())
						.flatMap((admission) -> {
							if (admission.open()) {
								return Mono.error(ExamException.attemptInProgress());
							}
							if (admission.used() >= contest.maxAttemptsPerRound()) {
								return Mono.error(ExamException.attemptLimitReached());
							}
							return admission.inserted() ? Mono.just(attempt)
									: Mono.error(ExamException.attemptInProgress());
						});
				})
					.as(this.transaction::transactional)
					.onErrorMap(DuplicateKeyException.class, (ex) -> ExamException.attemptInProgress())
					.flatMap((attempt) -> {
						AttemptOpened opened = opened(contest, attempt.id(), round.id(), attempt.participantId(),
								attempt.participant(), now);
						return announce(attempt.id(), contest.slug(), (listener) -> listener.onOpened(opened))
							.thenReturn(attempt);
					})
					.map((attempt) -> new AttemptStarted(attempt.id(), token, round.number(), now, deadline, now(),
							questions(drawn), contest.predictionQuestion()));
			});
		});
	}

	/**
	 * Scores and records a submission. Resending the same submission returns the same
	 * result; a different one after acceptance is refused.
	 * @param attemptId the attempt
	 * @param token the attempt token
	 * @param request the answers and prediction
	 * @return the result
	 */
	public Mono<SubmissionResult> submit(UUID attemptId, String token, SubmissionRequest request) {
		return load(attemptId, token).flatMap((attempt) -> this.contests.settings(attempt.contestId())
			.flatMap((contest) -> this.banks.bank(contest.questionBank())
				.flatMap((bank) -> submit(attempt, contest, bank, request))));
	}

	private Mono<SubmissionResult> submit(Attempt attempt, ContestSettings contest, QuestionBank bank,
			SubmissionRequest request) {
		List<Integer> answers = answers(attempt, request);
		Long prediction = request.prediction();
		if (prediction != null && (prediction < 0 || prediction > this.properties.maxPrediction())) {
			return Mono.error(CiviquizException.invalidFields(
					List.of(new FieldProblem("prediction", "PREDICTION_INVALID", 0, this.properties.maxPrediction()))));
		}
		if (attempt.status() == AttemptStatus.SUBMITTED) {
			return resent(attempt, contest, answers, prediction);
		}
		if (attempt.status() == AttemptStatus.EXPIRED) {
			return Mono.error(ExamException.expired());
		}
		if (!contest.acceptsSubmissions()) {
			return Mono.error(ContestException.closed(contest.slug()));
		}
		Instant now = now();
		if (now.isAfter(attempt.deadline().plus(this.properties.submissionGrace()))) {
			return this.attempts.expire(attempt.id())
				.flatMap((expired) -> (expired == 1) ? Mono.error(ExamException.expired())
						// a concurrent request changed it first: judge this one against
						// what it did
						: this.attempts.findById(attempt.id())
							.flatMap((current) -> submit(current, contest, bank, request)));
		}
		int score = score(attempt, bank, answers);
		long timeLimitMs = Duration.between(attempt.startedAt(), attempt.deadline()).toMillis();
		int durationMs = (int) Math.min(Duration.between(attempt.startedAt(), now).toMillis(), timeLimitMs);
		return this.attempts.submit(attempt.id(), now, answers, prediction, score, durationMs).flatMap((updated) -> {
			if (updated == 0) {
				// a concurrent request changed it first: judge this one against what it
				// did
				return this.attempts.findById(attempt.id())
					.flatMap((current) -> submit(current, contest, bank, request));
			}
			SubmissionResult result = new SubmissionResult(attempt.id(), score, attempt.total(), durationMs, now);
			return announce(attempt, contest, answers, result, false).thenReturn(result);
		});
	}

	private Mono<SubmissionResult> resent(Attempt attempt, ContestSettings contest, List<Integer> answers,
			Long prediction) {
		if (!attempt.answers().equals(answers) || !Objects.equals(attempt.prediction(), prediction)) {
			return Mono.error(ExamException.submissionConflict());
		}
		SubmissionResult result = SubmissionResult.of(attempt);
		return announce(attempt, contest, attempt.answers(), result, true).thenReturn(result);
	}

	/**
	 * The attempt as its participant sees it.
	 * @param attemptId the attempt
	 * @param token the attempt token
	 * @return the view
	 */
	public Mono<AttemptView> view(UUID attemptId, String token) {
		Instant now = now();
		return load(attemptId, token).flatMap((attempt) -> {
			boolean overdue = attempt.status() == AttemptStatus.OPEN
					&& now.isAfter(attempt.deadline().plus(this.properties.submissionGrace()));
			if (overdue) {
				return this.attempts.expire(attempt.id())
					.then(this.attempts.findById(attempt.id()))
					.map((expired) -> new AttemptView(expired.id(), expired.status(), expired.startedAt(),
							expired.deadline(), now, null, null,
							(expired.status() == AttemptStatus.SUBMITTED) ? SubmissionResult.of(expired) : null));
			}
			if (attempt.status() == AttemptStatus.SUBMITTED) {
				return Mono.just(new AttemptView(attempt.id(), attempt.status(), attempt.startedAt(),
						attempt.deadline(), now, null, null, SubmissionResult.of(attempt)));
			}
			if (attempt.status() == AttemptStatus.EXPIRED) {
				return Mono.just(new AttemptView(attempt.id(), attempt.status(), attempt.startedAt(),
						attempt.deadline(), now, null, null, null));
			}
			return this.contests.settings(attempt.contestId())
				.flatMap((contest) -> this.banks.bank(contest.questionBank()).map((bank) -> {
					List<DrawnQuestion> drawn = new ArrayList<>();
					for (int i = 0; i < attempt.total(); i++) {
						BankQuestion question = bank.question(attempt.questionIds().get(i));
						if (question != null) {
							drawn.add(new DrawnQuestion(question, attempt.optionOrders().get(i)));
						}
					}
					return new AttemptView(attempt.id(), attempt.status(), attempt.startedAt(), attempt.deadline(), now,
							questions(drawn), contest.predictionQuestion(), null);
				}));
		});
	}

	/**
	 * A submitted attempt as its participant may ask about it (for their rank).
	 * @param attemptId the attempt
	 * @param token the attempt token
	 * @return the submission, or an error {@code ATTEMPT_NOT_SUBMITTED}
	 */
	public Mono<AttemptSubmitted> submission(UUID attemptId, String token) {
		return load(attemptId, token).flatMap(
				(attempt) -> (attempt.status() != AttemptStatus.SUBMITTED) ? Mono.error(ExamException.notSubmitted())
						: this.contests.settings(attempt.contestId())
							.map((contest) -> submitted(contest, attempt.roundId(), attempt.participantId(),
									attempt.participant(), attempt.questionIds(), attempt.answers(),
									SubmissionResult.of(attempt), true)));
	}

	/**
	 * Every submitted attempt of a contest, read from PostgreSQL, as it was announced:
	 * for the read side to rebuild itself.
	 * @param contest the contest
	 * @return the submissions, oldest first
	 */
	public Flux<AttemptSubmitted> submissions(ContestSettings contest) {
		return this.attempts.submitted(contest.id())
			.map((row) -> submitted(contest, row.roundId(), row.participantId(), row.taker(), row.questionIds(),
					row.answers(), row.result(), true));
	}

	/**
	 * Every attempt of a contest, read from PostgreSQL, as its start was announced: for
	 * the read side to rebuild itself.
	 * @param contest the contest
	 * @return the starts, oldest first
	 */
	public Flux<AttemptOpened> openings(ContestSettings contest) {
		return this.attempts.opened(contest.id())
			.map((row) -> opened(contest, row.id(), row.roundId(), row.participantId(), row.taker(), row.startedAt()));
	}

	/**
	 * Clears, on every attempt of a contest, what identifies the person or their device
	 * beyond the participant: the keyed hash of the client IP, the user agent, the device
	 * hash and the name typed at the start. Scores, answers, predictions and times stay.
	 * Call within the transaction that anonymizes the contest's participants.
	 * @param contestId the contest
	 * @return how many attempts had any of them
	 */
	public Mono<Long> forgetClients(long contestId) {
		return this.attempts.forgetClients(contestId);
	}

	private Mono<Attempt> load(UUID attemptId, String token) {
		if (token == null || token.isBlank()) {
			return Mono.error(ExamException.tokenMissing());
		}
		return this.attempts.findById(attemptId)
			.switchIfEmpty(Mono.error(ExamException::attemptNotFound))
			.flatMap((attempt) -> MessageDigest.isEqual(attempt.tokenHash(), sha256(token)) ? Mono.just(attempt)
					: Mono.error(ExamException.tokenInvalid()));
	}

	/**
	 * The answers aligned with the attempt's questions (0 = unanswered), or an error
	 * naming every answer that does not fit the attempt.
	 */
	private static List<Integer> answers(Attempt attempt, SubmissionRequest request) {
		Map<Long, Integer> positions = new HashMap<>();
		for (int i = 0; i < attempt.total(); i++) {
			positions.put(attempt.questionIds().get(i), i);
		}
		List<Integer> answers = new ArrayList<>(Collections.nCopies(attempt.total(), 0));
		boolean[] seen = new boolean[attempt.total()];
		List<FieldProblem> problems = new ArrayList<>();
		List<SubmissionRequest.Answer> given = (request.answers() != null) ? request.answers() : List.of();
		if (given.size() > attempt.total()) {
			// more answers than questions cannot fit; refuse before listing thousands of
			// problems
			throw ExamException.tooManyAnswers(attempt.total(), given.size());
		}
		for (int i = 0; i < given.size(); i++) {
			SubmissionRequest.Answer answer = given.get(i);
			String field = "answers[" + i + "]";
			Integer position = (answer != null && answer.questionId() != null) ? positions.get(answer.questionId())
					: null;
			if (position == null) {
				problems.add(new FieldProblem(field + ".questionId", "QUESTION_NOT_IN_ATTEMPT"));
				continue;
			}
			if (seen[position]) {
				problems.add(new FieldProblem(field + ".questionId", "ANSWER_DUPLICATE"));
				continue;
			}
			seen[position] = true;
			Integer option = answer.optionId();
			if (option != null && !attempt.optionOrders().get(position).contains(option)) {
				problems.add(new FieldProblem(field + ".optionId", "OPTION_UNKNOWN"));
				continue;
			}
			answers.set(position, (option != null) ? option : 0);
		}
		if (!problems.isEmpty()) {
			throw ExamException.invalidAnswers(problems);
		}
		return List.copyOf(answers);
	}

	private static int score(Attempt attempt, QuestionBank bank, List<Integer> answers) {
		int score = 0;
		for (int i = 0; i < attempt.total(); i++) {
			BankQuestion question = bank.question(attempt.questionIds().get(i));
			if (question != null && answers.get(i) == question.correctOption()) {
				score++;
			}
		}
		return score;
	}

	private Mono<Void> announce(Attempt attempt, ContestSettings contest, List<Integer> answers,
			SubmissionResult result, boolean repeated) {
		AttemptSubmitted event = submitted(contest, attempt.roundId(), attempt.participantId(), attempt.participant(),
				attempt.questionIds(), answers, result, repeated);
		return announce(attempt.id(), contest.slug(), (listener) -> listener.onSubmitted(event));
	}

	/**
	 * Tells every listener at once, each within the listener timeout; a miss is logged
	 * and counted per listener and contest, for the reconciler to repair.
	 */
	private Mono<Void> announce(UUID attemptId, String contestSlug, Function<AttemptListener, Mono<Void>> call) {
		return Flux.fromIterable(this.listeners)
			// deferred: a listener that throws is caught too. Listeners write to
			// Redis, and Lettuce may wait briefly for a lock to send or cancel a
			// command: they run (and time out) on threads that may block, off the
			// database's event loop
			.flatMap((listener) -> Mono.defer(() -> call.apply(listener))
				.subscribeOn(Schedulers.boundedElastic())
				.timeout(this.properties.listenerTimeout(), Schedulers.boundedElastic())
				.onErrorResume((ex) -> {
					logger.warn("Listener " + listener.getClass().getSimpleName() + " missed attempt " + attemptId
							+ ": " + ex);
					this.meters
						.counter(MISSED_ANNOUNCEMENTS, "listener", listener.getClass().getSimpleName(), "contest",
								contestSlug)
						.increment();
					return Mono.empty();
				}))
			.then();
	}

	private static AttemptOpened opened(ContestSettings contest, UUID attemptId, long roundId, long participantId,
			Attempt.Taker taker, Instant startedAt) {
		return new AttemptOpened(attemptId, contest.slug(), contest.round(roundId).orElseThrow().number(),
				participantId, contest.unit(taker.unitId()).map(Unit::code).orElse(""), taker.district(), startedAt);
	}

	private static AttemptSubmitted submitted(ContestSettings contest, long roundId, long participantId,
			Attempt.Taker taker, List<Long> questionIds, List<Integer> answers, SubmissionResult result,
			boolean repeated) {
		Round round = contest.round(roundId).orElseThrow();
		String unitCode = contest.unit(taker.unitId()).map(Unit::code).orElse("");
		return new AttemptSubmitted(result.attemptId(), contest.id(), contest.slug(), round.id(), round.number(),
				round.opensAt(), contest.opensAt(), participantId, taker.fullName(), unitCode, taker.district(),
				result.score(), result.total(), result.durationMs(), result.submittedAt(), questionIds, answers,
				repeated);
	}

	private static List<AttemptStarted.ExamQuestion> questions(List<DrawnQuestion> drawn) {
		return drawn.stream()
			.map((d) -> new AttemptStarted.ExamQuestion(d.question().id(), d.question().text(),
					d.optionOrder()
						.stream()
						.map((option) -> new AttemptStarted.ExamOption(option, d.question().option(option)))
						.toList()))
			.toList();
	}

	/**
	 * PostgreSQL keeps microseconds: a time reported before and after storing must be the
	 * same.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A version 4 UUID from the seeded generator: {@code UUID.randomUUID()} would read
	 * the OS's entropy on a request thread.
	 */
	private UUID newId() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
		bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
		long msb = 0;
		long lsb = 0;
		for (int i = 0; i < 8; i++) {
			msb = (msb << 8) | (bytes[i] & 0xff);
			lsb = (lsb << 8) | (bytes[8 + i] & 0xff);
		}
		return new UUID(msb, lsb);
	}

	private static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Where a start request came from: keyed hashes of the client IP and of the device id
	 * the browser sent, and the user agent. Each may be null.
	 *
	 * @param ipHash keyed hash of the client IP
	 * @param userAgent the user agent, at most 512 characters
	 * @param deviceHash keyed hash of the browser's device id
	 */
	public record ClientInfo(byte[] ipHash, String userAgent, byte[] deviceHash) {

		/**
		 * A client that sent no device id.
		 * @param ipHash keyed hash of the client IP
		 * @param userAgent the user agent
		 */
		public ClientInfo(byte[] ipHash, String userAgent) {
			this(ipHash, userAgent, null);
		}

	}

}
