package org.civiquiz.exam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An attempt as stored. {@code answers} holds, per drawn question in order, the chosen
 * option id or 0 when unanswered.
 */
record Attempt(UUID id, long contestId, long roundId, long participantId, byte[] tokenHash, List<Long> questionIds,
		List<List<Integer>> optionOrders, Instant startedAt, Instant deadline, AttemptStatus status,
		Instant submittedAt, List<Integer> answers, Long prediction, Integer score, Integer durationMs) {

	int total() {
		return this.questionIds.size();
	}

}
