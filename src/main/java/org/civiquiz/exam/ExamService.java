package org.civiquiz.exam;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.contest.ContestException;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Round;
import org.civiquiz.participant.ParticipantService;
import org.civiquiz.participant.Registration;
import org.civiquiz.question.BankQuestion;
import org.civiquiz.question.DrawnQuestion;
import org.civiquiz.question.QuestionBank;
import org.civiquiz.question.QuestionBankService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

	private final ContestService contests;

	private final QuestionBankService banks;

	private final ParticipantService participants;

	private final AttemptRepository attempts;

	private final AttemptEvents events;

	private final TransactionalOperator transaction;

	private final ExamProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final OverdueSweeper overdue;

	private final AttemptCredentials credentials = new AttemptCredentials();

	ExamService(ContestService contests, QuestionBankService banks, ParticipantService participants,
			AttemptRepository attempts, AttemptEvents events, TransactionalOperator transaction,
			ExamProperties properties, Clock clock, MeterRegistry meters, OverdueSweeper overdue) {
		this.contests = contests;
		this.banks = banks;
		this.participants = participants;
		this.attempts = attempts;
		this.events = events;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.overdue = overdue;
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
		return openForStarts(slug).flatMap((contest) -> start(contest, registration, client, null));
	}

	/**
	 * The contest, if an attempt may start in it now.
	 * @param slug the contest
	 * @return its settings, or an error {@code CONTEST_NOT_FOUND},
	 * {@code CONTEST_NOT_OPEN} or {@code NO_OPEN_ROUND}
	 */
	public Mono<ContestSettings> openForStarts(String slug) {
		Instant now = now();
		return this.contests.settings(slug).doOnNext((contest) -> contest.requireOpenRound(now));
	}

	/**
	 * Starts an attempt in the contest's open round, storing the start's key with it.
	 * @param key the start's key, or null
	 */
	Mono<AttemptStarted> start(ContestSettings contest, Registration registration, ClientInfo client, StartKey key) {
		Instant now = now();
		Round round = contest.requireOpenRound(now);
		return this.banks.bank(contest.questionBank())
			.flatMap((bank) -> start(contest, round, draw(contest, bank), registration, client, key, now));
	}

	/**
	 * The attempt a start's key started in the last 24 hours, as that start answered it
	 * (same id, token, questions and deadline; the server's time of now).
	 * @return the attempt, empty if the key started none, or an error
	 * {@code IDEMPOTENCY_KEY_REUSED} if it came with another body
	 */
	Mono<AttemptStarted> replay(ContestSettings contest, StartKey key) {
		Instant now = now();
		return this.attempts.findByStartKey(contest.id(), key.key(), now.minus(StartKey.LIFETIME)).flatMap((found) -> {
			Attempt attempt = found.attempt();
			if (!MessageDigest.isEqual(found.requestHash(), key.requestHash())
					|| !AttemptCredentials.matches(attempt.tokenHash(), key.token())) {
				return Mono.error(ExamException.idempotencyKeyReused());
			}
			int round = contest.round(attempt.roundId()).map(Round::number).orElse(0);
			return this.banks.bank(contest.questionBank())
				.map((bank) -> new AttemptStarted(attempt.id(), key.token(), round, attempt.startedAt(),
						attempt.deadline(), now(), questions(drawn(attempt, bank)), contest.predictionQuestion()));
		});
	}

	private List<DrawnQuestion> draw(ContestSettings contest, QuestionBank bank) {
		return ExamMetrics.draw(this.meters, contest.slug())
			.record(() -> bank.draw(contest.questionsPerAttempt(), contest.chapterQuotas(),
					ThreadLocalRandom.current()));
	}

	/**
	 * Registers the participant and stores the attempt in one transaction, then announces
	 * it.
	 */
	private Mono<AttemptStarted> start(ContestSettings contest, Round round, List<DrawnQuestion> drawn,
			Registration registration, ClientInfo client, StartKey key, Instant now) {
		return admit(contest, round, drawn, registration, client, key, now)
			// the participant's previous attempt ran out with a save: submitted from it
			// first (outside the start's transaction, announced like any submission),
			// then this start is tried once more
			.onErrorResume(OverduePending.class, (pending) -> this.overdue.finishOverdueOf(pending.participantId)
				.then(Mono.defer(() -> admit(contest, round, drawn, registration, client, key, now))));
	}

	private Mono<AttemptStarted> admit(ContestSettings contest, Round round, List<DrawnQuestion> drawn,
			Registration registration, ClientInfo client, StartKey key, Instant now) {
		Instant limit = now.plus(contest.timeLimit());
		Instant deadline = limit.isBefore(round.closesAt()) ? limit : round.closesAt();
		String token = (key != null) ? key.token() : this.credentials.newToken();
		return this.participants.register(contest, registration, now).flatMap((participant) -> {
			Attempt attempt = new Attempt(this.credentials.newId(), contest.id(), round.id(), participant.id(),
					AttemptCredentials.hash(token), drawn.stream().map((d) -> d.question().id()).toList(),
					drawn.stream().map(DrawnQuestion::optionOrder).toList(), now, deadline, AttemptStatus.OPEN, null,
					null, null, null, null, new Attempt.Taker(null, participant.unitId(), participant.district()), null,
					null, null, false);
			return this.attempts
				.insertIfAllowed(attempt, client, participant, now.minus(this.properties.submissionGrace()),
						contest.maxAttemptsPerRound(), contest.autoSubmitsOverdue(), key, now.minus(StartKey.LIFETIME))
				.flatMap((admission) -> admitted(admission, contest, attempt, key));
		})
			.as(this.transaction::transactional)
			.onErrorMap(DuplicateKeyException.class, (ex) -> ExamException.attemptInProgress())
			.flatMap((attempt) -> this.events
				.announce(AttemptEvents.opened(contest, attempt.id(), round.id(), attempt.participantId(),
						attempt.participant(), now))
				.thenReturn(attempt))
			.map((attempt) -> new AttemptStarted(attempt.id(), token, round.number(), now, deadline, now(),
					questions(drawn), contest.predictionQuestion()));
	}

	private static Mono<Attempt> admitted(AttemptRepository.Admission admission, ContestSettings contest,
			Attempt attempt, StartKey key) {
		if (admission.inserted() && key != null && !admission.keyed()) {
			// the same key started another attempt meanwhile (a duplicate sent at once):
			// this one is rolled back, and the caller answers with that one
			return Mono.error(ExamException.attemptInProgress());
		}
		if (admission.open()) {
			return Mono.error(admission.overdue() ? new OverduePending(attempt.participantId())
					: ExamException.attemptInProgress());
		}
		if (admission.used() >= contest.maxAttemptsPerRound()) {
			return Mono.error(ExamException.attemptLimitReached());
		}
		return admission.inserted() ? Mono.just(attempt) : Mono.error(ExamException.attemptInProgress());
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
		List<Integer> answers = Scoring.answers(attempt, request);
		Long prediction = Scoring.prediction(request, this.properties.maxPrediction());
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
			// finished from its last save, or expired: this late submission is judged
			// against what that did
			return this.overdue.finish(attempt).flatMap((current) -> submit(current, contest, bank, request));
		}
		int score = Scoring.score(attempt, bank::question, answers);
		int durationMs = Scoring.durationMs(attempt, now);
		return this.attempts.submit(attempt.id(), now, answers, prediction, score, durationMs).flatMap((updated) -> {
			if (updated == 0) {
				// a concurrent request changed it first: judge this one against what it
				// did
				return this.attempts.findById(attempt.id())
					.flatMap((current) -> submit(current, contest, bank, request));
			}
			SubmissionResult result = new SubmissionResult(attempt.id(), score, attempt.total(), durationMs, now,
					false);
			return announce(attempt, contest, answers, result, false).thenReturn(result);
		});
	}

	private Mono<SubmissionResult> resent(Attempt attempt, ContestSettings contest, List<Integer> answers,
			Long prediction) {
		if (!attempt.answers().equals(answers) || !Objects.equals(attempt.prediction(), prediction)) {
			// what the participant sent after their time ran out, over the save the
			// server submitted: late, not a conflict
			return Mono.error(attempt.autoSubmitted() ? ExamException.expired() : ExamException.submissionConflict());
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
				return this.overdue.finish(attempt)
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
				.flatMap((contest) -> this.banks.bank(contest.questionBank())
					.map((bank) -> new AttemptView(attempt.id(), attempt.status(), attempt.startedAt(),
							attempt.deadline(), now, questions(drawn(attempt, bank)), contest.predictionQuestion(),
							null)));
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
							.map((contest) -> AttemptEvents.submitted(contest, attempt.roundId(),
									attempt.participantId(), attempt.participant(), attempt.questionIds(),
									attempt.answers(), SubmissionResult.of(attempt), true)));
	}

	/**
	 * A submitted attempt's questions and answers, for its participant's review.
	 * @param attemptId the attempt
	 * @param token the attempt token
	 * @return the answers, or an error {@code ATTEMPT_NOT_SUBMITTED}
	 */
	public Mono<AttemptAnswers> answers(UUID attemptId, String token) {
		return load(attemptId, token).flatMap(
				(attempt) -> (attempt.status() != AttemptStatus.SUBMITTED) ? Mono.error(ExamException.notSubmitted())
						: Mono.just(new AttemptAnswers(attempt.id(), attempt.contestId(), attempt.roundId(),
								attempt.submittedAt(), attempt.questionIds(), attempt.optionOrders(), attempt.answers(),
								attempt.score())));
	}

	/**
	 * Every submitted attempt of a contest, read from PostgreSQL, as it was announced:
	 * for the read side to rebuild itself.
	 * @param contest the contest
	 * @return the submissions, oldest first
	 */
	public Flux<AttemptSubmitted> submissions(ContestSettings contest) {
		return this.attempts.submitted(contest.id())
			.map((row) -> AttemptEvents.submitted(contest, row.roundId(), row.participantId(), row.taker(),
					row.questionIds(), row.answers(), row.result(), true));
	}

	/**
	 * Every attempt of a contest, read from PostgreSQL, as its start was announced: for
	 * the read side to rebuild itself.
	 * @param contest the contest
	 * @return the starts, oldest first
	 */
	public Flux<AttemptOpened> openings(ContestSettings contest) {
		return this.attempts.opened(contest.id())
			.map((row) -> AttemptEvents.opened(contest, row.id(), row.roundId(), row.participantId(), row.taker(),
					row.startedAt()));
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

	/**
	 * The attempt, if the token is its own.
	 * @return the attempt, or {@code ATTEMPT_TOKEN_MISSING}, {@code ATTEMPT_NOT_FOUND},
	 * {@code ATTEMPT_TOKEN_INVALID}
	 */
	Mono<Attempt> load(UUID attemptId, String token) {
		if (token == null || token.isBlank()) {
			return Mono.error(ExamException.tokenMissing());
		}
		return this.attempts.findById(attemptId)
			.switchIfEmpty(Mono.error(ExamException::attemptNotFound))
			.flatMap((attempt) -> AttemptCredentials.matches(attempt.tokenHash(), token) ? Mono.just(attempt)
					: Mono.error(ExamException.tokenInvalid()));
	}

	private Mono<Void> announce(Attempt attempt, ContestSettings contest, List<Integer> answers,
			SubmissionResult result, boolean repeated) {
		return this.events.announce(AttemptEvents.submitted(contest, attempt.roundId(), attempt.participantId(),
				attempt.participant(), attempt.questionIds(), answers, result, repeated));
	}

	/** The attempt's questions as drawn, options in the order shown. */
	private static List<DrawnQuestion> drawn(Attempt attempt, QuestionBank bank) {
		List<DrawnQuestion> drawn = new ArrayList<>();
		for (int i = 0; i < attempt.total(); i++) {
			BankQuestion question = bank.question(attempt.questionIds().get(i));
			if (question != null) {
				drawn.add(new DrawnQuestion(question, attempt.optionOrders().get(i)));
			}
		}
		return drawn;
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

	/**
	 * Moves submitted attempts to another round, start and duration, for the campaign
	 * replay, which takes a whole campaign in minutes and then spreads it over the weeks
	 * it planned. Never used on a live contest.
	 * @param moves where each attempt goes
	 * @return how many attempts were moved
	 */
	public Mono<Long> backdate(List<Backdated> moves) {
		return this.attempts.backdate(moves);
	}

	/**
	 * Where the campaign replay puts an attempt.
	 *
	 * @param attemptId the attempt
	 * @param roundId its round
	 * @param startedAt when it started
	 * @param duration how long it took (its deadline is the time limit of 20 minutes)
	 */
	public record Backdated(UUID attemptId, long roundId, Instant startedAt, Duration duration) {
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

	/**
	 * The participant's previous attempt is overdue with a save to submit before they may
	 * start again.
	 */
	private static final class OverduePending extends RuntimeException {

		private final long participantId;

		OverduePending(long participantId) {
			super(null, null, false, false);
			this.participantId = participantId;
		}

	}

}
