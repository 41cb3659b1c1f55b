package org.civiquiz.exam.attempt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.civiquiz.exam.SubmissionRequest;
import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.CiviquizException.FieldProblem;
import org.civiquiz.question.BankQuestion;

/**
 * How a submission is read and scored, on the server, against the question bank: pure
 * functions of the attempt, the answers sent and the bank.
 */
public final class Scoring {

	private Scoring() {
	}

	/**
	 * The answers aligned with the attempt's questions, in the order it showed them
	 * ({@code 0} = unanswered).
	 * @param attempt the attempt
	 * @param request what the participant sent
	 * @return one option per question
	 * @throws ExamException {@code TOO_MANY_ANSWERS}, or {@code VALIDATION_FAILED} naming
	 * every answer that does not fit the attempt
	 */
	public static List<Integer> answers(Attempt attempt, SubmissionRequest request) {
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

	/**
	 * The prediction sent, checked.
	 * @param request what the participant sent
	 * @param max the largest prediction accepted
	 * @return the prediction, or {@code null} if none was sent
	 * @throws CiviquizException {@code VALIDATION_FAILED} for a prediction out of range
	 */
	public static Long prediction(SubmissionRequest request, long max) {
		Long prediction = request.prediction();
		if (prediction != null && (prediction < 0 || prediction > max)) {
			throw CiviquizException
				.invalidFields(List.of(new FieldProblem("prediction", "PREDICTION_INVALID", 0, max)));
		}
		return prediction;
	}

	/**
	 * One point per question answered with the bank's correct option; a question the bank
	 * no longer has scores nothing.
	 * @param attempt the attempt
	 * @param bank the contest's bank's questions by id ({@code QuestionBank::question})
	 * @param answers the answers as {@link #answers} aligned them
	 * @return the score
	 */
	public static int score(Attempt attempt, LongFunction<BankQuestion> bank, List<Integer> answers) {
		int score = 0;
		for (int i = 0; i < attempt.total(); i++) {
			BankQuestion question = bank.apply(attempt.questionIds().get(i));
			if (question != null && answers.get(i) == question.correctOption()) {
				score++;
			}
		}
		return score;
	}

	/**
	 * The time taken, capped at the time the attempt had: a submission in the grace after
	 * the deadline counts as taken at the deadline.
	 * @param attempt the attempt
	 * @param submittedAt when it was submitted
	 * @return milliseconds
	 */
	public static int durationMs(Attempt attempt, Instant submittedAt) {
		long timeLimitMs = Duration.between(attempt.startedAt(), attempt.deadline()).toMillis();
		return (int) Math.min(Duration.between(attempt.startedAt(), submittedAt).toMillis(), timeLimitMs);
	}

}
