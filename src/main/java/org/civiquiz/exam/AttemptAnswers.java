package org.civiquiz.exam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A submitted attempt as its participant answered it: what a review puts beside the
 * correct options.
 *
 * @param attemptId the attempt
 * @param contestId the contest
 * @param roundId the round
 * @param submittedAt when the server accepted it
 * @param questionIds the questions, in the order shown
 * @param optionOrders per question, the option ids (1..4) in the order shown
 * @param answers per question, the option chosen (0 = unanswered)
 * @param score correct answers
 */
public record AttemptAnswers(UUID attemptId, long contestId, long roundId, Instant submittedAt, List<Long> questionIds,
		List<List<Integer>> optionOrders, List<Integer> answers, int score) {

	public int total() {
		return this.questionIds.size();
	}

}
