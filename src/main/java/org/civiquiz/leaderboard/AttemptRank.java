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
 * @param ranksHidden whether ranks are left out because a round is open: a rank and one's
 * own score tell how many did better, close to what the prediction question asks
 */
record AttemptRank(UUID attemptId, int round, Standing inRound, Standing inContest, Standing inUnit,
		Standing inDistrict, boolean ranksHidden) {

	AttemptRank withoutRanks() {
		return new AttemptRank(this.attemptId, this.round, this.inRound.withoutRank(), this.inContest.withoutRank(),
				this.inUnit.withoutRank(), this.inDistrict.withoutRank(), true);
	}

	/**
	 * A rank on one board.
	 *
	 * @param rank 1 = first; {@code null} while the board does not have the result yet
	 * @param ranked how many the board ranks
	 */
	record Standing(Long rank, long ranked) {

		Standing withoutRank() {
			return new Standing(null, this.ranked);
		}

	}

}
