package org.civiquiz.exam.attempt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.civiquiz.question.BankQuestion;
import org.civiquiz.question.DrawnQuestion;
import org.civiquiz.question.QuestionBank;

/**
 * An attempt as stored. {@code answers} holds, per drawn question in order, the chosen
 * option id or 0 when unanswered. {@code participant} is who took it, when read back.
 * {@code savedAnswers} (aligned likewise), {@code savedPrediction} and {@code savedAt}
 * are its last save ({@code savedAt} null: none); {@code autoSubmitted}, whether the
 * server submitted it from that save when its time ran out.
 */
public record Attempt(UUID id, long contestId, long roundId, long participantId, byte[] tokenHash,
		List<Long> questionIds, List<List<Integer>> optionOrders, Instant startedAt, Instant deadline,
		AttemptStatus status, Instant submittedAt, List<Integer> answers, Long prediction, Integer score,
		Integer durationMs, Taker participant, List<Integer> savedAnswers, Long savedPrediction, Instant savedAt,
		boolean autoSubmitted) {

	/**
	 * Who took an attempt, as the read side (leaderboards) needs it.
	 */
	public record Taker(String fullName, long unitId, String district) {
	}

	public int total() {
		return this.questionIds.size();
	}

	/**
	 * The attempt's questions as drawn, options in the order shown; a question the bank
	 * no longer has is left out.
	 * @param bank the contest's bank
	 * @return the questions
	 */
	public List<DrawnQuestion> drawn(QuestionBank bank) {
		List<DrawnQuestion> drawn = new ArrayList<>();
		for (int i = 0; i < total(); i++) {
			BankQuestion question = bank.question(this.questionIds.get(i));
			if (question != null) {
				drawn.add(new DrawnQuestion(question, this.optionOrders.get(i)));
			}
		}
		return drawn;
	}

}
