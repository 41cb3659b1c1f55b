package org.civiquiz.exam.autosave;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.civiquiz.contest.ContestException;
import org.civiquiz.contest.ContestService;
import org.civiquiz.exam.ExamProperties;
import org.civiquiz.exam.SubmissionRequest;
import org.civiquiz.exam.attempt.Attempt;
import org.civiquiz.exam.attempt.AttemptLookup;
import org.civiquiz.exam.attempt.AttemptRepository;
import org.civiquiz.exam.attempt.AttemptStatus;
import org.civiquiz.exam.attempt.ExamException;
import org.civiquiz.exam.attempt.Scoring;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Keeps a participant's answers on the server while their attempt is open: each save
 * replaces the one before, in PostgreSQL (one UPDATE of the attempt's row), so that a
 * save once answered survives a Redis outage and a replica's restart. When the time runs
 * out unsubmitted, the {@link OverdueSweeper} submits the attempt from its last save.
 */
@Service
public class AnswerSaves {

	private final AttemptLookup lookup;

	private final ContestService contests;

	private final AttemptRepository attempts;

	private final OverdueSweeper overdue;

	private final ExamProperties properties;

	private final Clock clock;

	AnswerSaves(AttemptLookup lookup, ContestService contests, AttemptRepository attempts, OverdueSweeper overdue,
			ExamProperties properties, Clock clock) {
		this.lookup = lookup;
		this.contests = contests;
		this.attempts = attempts;
		this.overdue = overdue;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Saves the answers and prediction given so far, checked as a submission is.
	 * @param attemptId the attempt
	 * @param token the attempt token
	 * @param request the answers and prediction, each optional
	 * @return when saved, or {@code ATTEMPT_EXPIRED} (past the deadline and grace),
	 * {@code ATTEMPT_ALREADY_SUBMITTED}, {@code CONTEST_CLOSED} or the submission's
	 * validation errors
	 */
	public Mono<Void> save(UUID attemptId, String token, SubmissionRequest request) {
		return this.lookup.load(attemptId, token)
			.flatMap((attempt) -> this.contests.settings(attempt.contestId()).flatMap((contest) -> {
				List<Integer> answers = Scoring.answers(attempt, request);
				Long prediction = Scoring.prediction(request, this.properties.maxPrediction());
				if (attempt.status() != AttemptStatus.OPEN) {
					return Mono.error(refusal(attempt));
				}
				if (!contest.acceptsSubmissions()) {
					return Mono.error(ContestException.closed(contest.slug()));
				}
				Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
				if (now.isAfter(attempt.deadline().plus(this.properties.submissionGrace()))) {
					// too late to change anything: finished from the save before this one
					return this.overdue.finish(attempt).then(Mono.error(ExamException.expired()));
				}
				return this.attempts.save(attempt.id(), answers, prediction, now)
					.flatMap((saved) -> (saved == 1) ? Mono.empty()
							// it was submitted or expired meanwhile
							: this.attempts.findById(attempt.id()).flatMap((current) -> Mono.error(refusal(current))));
			}))
			.then();
	}

	/**
	 * Submitted by its participant: its own code; expired, or submitted by the server
	 * when its time ran out: too late, as a late submission is.
	 */
	private static ExamException refusal(Attempt attempt) {
		return (attempt.status() == AttemptStatus.SUBMITTED && !attempt.autoSubmitted())
				? ExamException.alreadySubmitted() : ExamException.expired();
	}

}
