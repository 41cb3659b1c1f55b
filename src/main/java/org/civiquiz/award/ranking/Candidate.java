package org.civiquiz.award.ranking;

import java.time.Instant;
import java.util.UUID;

/**
 * A submitted attempt as the ranking sees it.
 *
 * @param attemptId the attempt
 * @param participantId who made it
 * @param score correct answers
 * @param durationMs time taken
 * @param prediction the answer to the prediction question, {@code null} if none
 * @param submittedAt when the submission was accepted
 * @param actual the value the prediction question asked about, for the attempt's round
 * @param distance how far the prediction is from the actual value, {@code null} if none
 * @param autoSubmitted whether the server submitted it from its last save when its time
 * ran out (ranked like any other: its duration is the whole time allowed)
 */
public record Candidate(UUID attemptId, long participantId, int score, int durationMs, Long prediction,
		Instant submittedAt, long actual, Long distance, boolean autoSubmitted) {

	public static Candidate of(UUID attemptId, long participantId, int score, int durationMs, Long prediction,
			Instant submittedAt, long actual) {
		return of(attemptId, participantId, score, durationMs, prediction, submittedAt, actual, false);
	}

	public static Candidate of(UUID attemptId, long participantId, int score, int durationMs, Long prediction,
			Instant submittedAt, long actual, boolean autoSubmitted) {
		Long distance = (prediction != null) ? Math.abs(prediction - actual) : null;
		return new Candidate(attemptId, participantId, score, durationMs, prediction, submittedAt, actual, distance,
				autoSubmitted);
	}

}
