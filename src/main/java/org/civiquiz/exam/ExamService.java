package org.civiquiz.exam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.civiquiz.contest.ContestException;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.exam.attempt.Attempt;
import org.civiquiz.exam.attempt.AttemptLookup;
import org.civiquiz.exam.attempt.AttemptRepository;
import org.civiquiz.exam.attempt.AttemptStatus;
import org.civiquiz.exam.attempt.ExamException;
import org.civiquiz.exam.attempt.Scoring;
import org.civiquiz.exam.autosave.OverdueSweeper;
import org.civiquiz.exam.events.AttemptEvents;
import org.civiquiz.exam.start.AttemptStarts;
import org.civiquiz.participant.Registration;
import org.civiquiz.question.QuestionBank;
import org.civiquiz.question.QuestionBankService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Starts ({@link AttemptStarts}), submits and shows attempts: what other features ask of
 * the exam. Scoring happens here, on the server, against the question bank
 * ({@link Scoring}); the deadline is the server's.
 */
@Service
public class ExamService {

	private final ContestService contests;

	private final QuestionBankService banks;

	private final AttemptRepository attempts;

	private final AttemptLookup lookup;

	private final AttemptEvents events;

	private final ExamProperties properties;

	private final Clock clock;

	private final OverdueSweeper overdue;

	private final AttemptStarts starts;

	ExamService(ContestService contests, QuestionBankService banks, AttemptRepository attempts, AttemptLookup lookup,
			AttemptEvents events, ExamProperties properties, Clock clock, OverdueSweeper overdue,
			AttemptStarts starts) {
		this.contests = contests;
		this.banks = banks;
		this.attempts = attempts;
		this.lookup = lookup;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.overdue = overdue;
		this.starts = starts;
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
		return openForStarts(slug).flatMap((contest) -> this.starts.start(contest, registration, client, null));
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
	 * Scores and records a submission. Resending the same submission returns the same
	 * result; a different one after acceptance is refused.
	 * @param attemptId the attempt
	 * @param token the attempt token
	 * @param request the answers and prediction
	 * @return the result
	 */
	public Mono<SubmissionResult> submit(UUID attemptId, String token, SubmissionRequest request) {
		return this.lookup.loadToSubmit(attemptId, token, now().minus(this.properties.submissionGrace()))
			.flatMap((attempt) -> this.contests.settings(attempt.contestId())
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
		return this.attempts
			.submit(attempt.id(), now, answers, prediction, score, now.minus(this.properties.submissionGrace()))
			.flatMap((submitted) -> {
				this.lookup.remember(submitted);
				SubmissionResult result = SubmissionResult.of(submitted);
				return announce(submitted, contest, answers, result, false).thenReturn(result);
			})
			// a concurrent request changed it first, or it was not as this replica
			// remembered it: judge this one against what it is
			.switchIfEmpty(Mono.defer(() -> this.attempts.findById(attempt.id())
				.flatMap((current) -> submit(current, contest, bank, request))));
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
		return this.lookup.load(attemptId, token).flatMap((attempt) -> {
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
							attempt.deadline(), now, AttemptStarts.questions(attempt.drawn(bank)),
							contest.predictionQuestion(), null)));
		});
	}

	/**
	 * A submitted attempt as its participant may ask about it (for their rank).
	 * @param attemptId the attempt
	 * @param token the attempt token
	 * @return the submission, or an error {@code ATTEMPT_NOT_SUBMITTED}
	 */
	public Mono<AttemptSubmitted> submission(UUID attemptId, String token) {
		return this.lookup.load(attemptId, token)
			.flatMap((attempt) -> (attempt.status() != AttemptStatus.SUBMITTED)
					? Mono.error(ExamException.notSubmitted())
					: this.contests.settings(attempt.contestId())
						.map((contest) -> AttemptEvents.submitted(contest, attempt.roundId(), attempt.participantId(),
								attempt.participant(), attempt.questionIds(), attempt.answers(),
								SubmissionResult.of(attempt), true)));
	}

	/**
	 * A submitted attempt's questions and answers, for its participant's review.
	 * @param attemptId the attempt
	 * @param token the attempt token
	 * @return the answers, or an error {@code ATTEMPT_NOT_SUBMITTED}
	 */
	public Mono<AttemptAnswers> answers(UUID attemptId, String token) {
		return this.lookup.load(attemptId, token)
			.flatMap((attempt) -> (attempt.status() != AttemptStatus.SUBMITTED)
					? Mono.error(ExamException.notSubmitted())
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

	private Mono<Void> announce(Attempt attempt, ContestSettings contest, List<Integer> answers,
			SubmissionResult result, boolean repeated) {
		return this.events.announce(AttemptEvents.submitted(contest, attempt.roundId(), attempt.participantId(),
				attempt.participant(), attempt.questionIds(), answers, result, repeated));
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

}
