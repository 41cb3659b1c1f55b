package org.civiquiz.leaderboard;

import java.util.List;

/**
 * A public board, best first. People are shown by family name and initials only. While
 * the board's round is open (for the contest's board: while any round is), it lists the
 * board's people by when they first submitted, latest first, without ranks, scores or
 * durations: how many attempts score 20/20 is what the prediction question asks, and any
 * order by score would let anyone count them (one's own 20/20 submitted last would rank
 * just below all the others).
 *
 * @param round the round number, or {@code null} for the whole contest
 * @param unit the unit code, if the board is one unit's
 * @param district the district, if the board is one district's
 * @param ranked how many participants the board holds
 * @param scoresHidden whether ranks and scores are left out because the round is open
 * @param entries the top of the board
 */
record LeaderboardPage(Integer round, String unit, String district, long ranked, boolean scoresHidden,
		List<Entry> entries) {

	/**
	 * One participant's best result.
	 *
	 * @param rank 1 = first ({@code null} while hidden)
	 * @param name family name and initials, e.g. "Nguyễn V. A."
	 * @param unit unit code
	 * @param unitName unit name
	 * @param district district
	 * @param score correct answers ({@code null} while hidden)
	 * @param durationMs time taken ({@code null} while hidden)
	 */
	record Entry(Integer rank, String name, String unit, String unitName, String district, Integer score,
			Long durationMs) {
	}

}
