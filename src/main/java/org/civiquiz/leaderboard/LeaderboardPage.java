package org.civiquiz.leaderboard;

import java.util.List;

/**
 * A public board, best first. People are shown by family name and initials only.
 *
 * @param round the round number, or {@code null} for the whole contest
 * @param unit the unit code, if the board is one unit's
 * @param district the district, if the board is one district's
 * @param ranked how many participants the board ranks
 * @param entries the top of the board
 */
record LeaderboardPage(Integer round, String unit, String district, long ranked, List<Entry> entries) {

	/**
	 * One participant's best result.
	 *
	 * @param rank 1 = first
	 * @param name family name and initials, e.g. "Nguyễn V. A."
	 * @param unit unit code
	 * @param unitName unit name
	 * @param district district
	 * @param score correct answers
	 * @param durationMs time taken
	 */
	record Entry(int rank, String name, String unit, String unitName, String district, int score, long durationMs) {
	}

}
