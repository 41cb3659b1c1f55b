package org.civiquiz.exam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.civiquiz.exam.attempt.AttemptStatus;

/**
 * An attempt as its participant sees it later: while open, its questions again (a reload
 * loses nothing); once submitted, the result. Never the correct answers.
 *
 * @param attemptId the attempt
 * @param status open, submitted or expired
 * @param startedAt when it started
 * @param deadline when time runs out
 * @param serverTime the server's clock now
 * @param questions while open, the questions in order
 * @param predictionQuestion while open, the prediction question
 * @param result once submitted, the result
 */
public record AttemptView(UUID attemptId, AttemptStatus status, Instant startedAt, Instant deadline, Instant serverTime,
		List<AttemptStarted.ExamQuestion> questions, String predictionQuestion, SubmissionResult result) {

}
