package org.civiquiz.exam;

import java.time.Instant;
import java.util.UUID;

import org.civiquiz.exam.attempt.Attempt;

/**
 * The result of an accepted submission.
 *
 * @param attemptId the attempt
 * @param score correct answers
 * @param total questions
 * @param durationMs time taken, capped at the time limit
 * @param submittedAt when the server accepted it; for an attempt submitted automatically,
 * its deadline
 * @param autoSubmitted whether the server submitted it from its last save when its time
 * ran out (nobody pressed "submit", or the submission never arrived)
 */
public record SubmissionResult(UUID attemptId, int score, int total, int durationMs, Instant submittedAt,
		boolean autoSubmitted) {

	static SubmissionResult of(Attempt attempt) {
		return new SubmissionResult(attempt.id(), attempt.score(), attempt.total(), attempt.durationMs(),
				attempt.submittedAt(), attempt.autoSubmitted());
	}

}
