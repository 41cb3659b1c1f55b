package org.civiquiz.exam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An attempt as stored. {@code answers} holds, per drawn question in order, the chosen
 * option id or 0 when unanswered. {@code participant} is who took it, when read back.
 * {@code savedAnswers} (aligned likewise), {@code savedPrediction} and {@code savedAt}
 * are its last save ({@code savedAt} null: none); {@code autoSubmitted}, whether the
 * server submitted it from that save when its time ran out.
 */
record Attempt(UUID id, long contestId, long roundId, long participantId, byte[] tokenHash, List<Long> questionIds,
		List<List<Integer>> optionOrders, Instant startedAt, Instant deadline, AttemptStatus status,
		Instant submittedAt, List<Integer> answers, Long prediction, Integer score, Integer durationMs,
		Taker participant, List<Integer> savedAnswers, Long savedPrediction, Instant savedAt, boolean autoSubmitted) {

	/**
	 * Who took an attempt, as the read side (leaderboards) needs it.
	 */
	record Taker(String fullName, long unitId, String district) {
	}

	int total() {
		return this.questionIds.size();
	}

}
