package org.civiquiz.exam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An attempt was submitted and committed to PostgreSQL.
 *
 * @param attemptId the attempt
 * @param contestId the contest
 * @param contestSlug the contest's slug (the hash tag of its Redis keys)
 * @param roundId the round
 * @param roundNumber the round's number in the contest
 * @param roundOpensAt when the round opened (submission times on the round's boards are
 * ranked relative to it)
 * @param contestOpensAt when the contest opened (likewise on the contest's boards)
 * @param participantId the participant
 * @param participantName the participant's full name (shown masked)
 * @param unitCode the participant's unit
 * @param district the participant's district
 * @param score correct answers
 * @param total questions in the attempt
 * @param durationMs time taken, capped at the time limit
 * @param submittedAt when the server accepted it
 * @param questionIds the questions, in the order drawn
 * @param answers per question, the option chosen (0 = unanswered)
 * @param repeated whether it was announced before: its client resent it, or the read side
 * replays it from PostgreSQL (counts of accepted submissions skip it)
 * @param ranked whether the contest ranks its participants (practice does not: no
 * leaderboard takes it)
 */
public record AttemptSubmitted(UUID attemptId, long contestId, String contestSlug, long roundId, int roundNumber,
		Instant roundOpensAt, Instant contestOpensAt, long participantId, String participantName, String unitCode,
		String district, int score, int total, int durationMs, Instant submittedAt, List<Long> questionIds,
		List<Integer> answers, boolean repeated, boolean ranked) {

}
