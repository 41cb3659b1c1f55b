package org.civiquiz.exam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A started attempt as its participant receives it: the questions without their answers
 * and the secret token that every later request about the attempt must carry.
 *
 * @param attemptId the attempt
 * @param token the attempt token (header {@code X-Attempt-Token}); shown only once
 * @param round the round number
 * @param startedAt when the server started it
 * @param deadline when time runs out, by the server's clock
 * @param serverTime the server's clock now, so that a client can correct its own
 * @param questions the drawn questions in order, options in display order
 * @param predictionQuestion the tie-break question asked at the end
 */
public record AttemptStarted(UUID attemptId, String token, int round, Instant startedAt, Instant deadline,
		Instant serverTime, List<ExamQuestion> questions, String predictionQuestion) {

	/**
	 * A question as shown to a participant.
	 *
	 * @param id the question id
	 * @param text the stem
	 * @param options the options in display order
	 */
	public record ExamQuestion(long id, String text, List<ExamOption> options) {
	}

	/**
	 * An option as shown: its id (stable for the question) and text, never whether it is
	 * correct.
	 *
	 * @param id the option id
	 * @param text the text
	 */
	public record ExamOption(int id, String text) {
	}

}
