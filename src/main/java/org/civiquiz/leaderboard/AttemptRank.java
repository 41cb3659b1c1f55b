package org.civiquiz.leaderboard;

import java.util.UUID;

/**
 * Where a participant's best result stands.
 *
 * @param attemptId the attempt asked about
 * @param round the round number
 * @param inRound rank among everyone in the round
 * @param inContest rank among everyone over the whole contest
 * @param inUnit rank within the participant's unit in the round
 * @param inDistrict rank within the participant's district in the round
 */
record AttemptRank(UUID attemptId, int round, Standing inRound, Standing inContest, Standing inUnit,
		Standing inDistrict) {

	/**
	 * A rank on one board.
	 *
	 * @param rank 1 = first; {@code null} while the board does not have the result yet
	 * @param ranked how many the board ranks
	 */
	record Standing(Long rank, long ranked) {
	}

}
