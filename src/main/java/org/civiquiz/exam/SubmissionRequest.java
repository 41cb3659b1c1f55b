package org.civiquiz.exam;

import java.util.List;

/**
 * A participant's answers and prediction.
 *
 * @param answers one entry per answered question; questions without an entry (or with a
 * {@code null} option) are unanswered and score 0
 * @param prediction the answer to the prediction question; {@code null} if not given (an
 * automatic submission when time runs out may not have it)
 */
public record SubmissionRequest(List<Answer> answers, Long prediction) {

	/**
	 * One answer.
	 *
	 * @param questionId a question of the attempt
	 * @param optionId one of that question's option ids, or {@code null} for no answer
	 */
	public record Answer(Long questionId, Integer optionId) {
	}

}
