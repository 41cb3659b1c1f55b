package org.civiquiz.leaderboard;

/**
 * Redis key names. The contest's slug is the hash tag, so that a Redis Cluster keeps one
 * contest's keys on one shard.
 */
final class LeaderboardKeys {

	private LeaderboardKeys() {
	}

	/**
	 * A board: a round's ({@code round} set) or the whole contest's, over everyone or one
	 * unit or one district.
	 */
	static String board(String contestSlug, Integer round, String unit, String district) {
		return prefix(contestSlug) + scope(round, unit, district);
	}

	/**
	 * The people of a board by when they first submitted: what the public sees while the
	 * round is open, since any order by score would tell how many did better.
	 */
	static String entered(String contestSlug, Integer round, String unit, String district) {
		return prefix(contestSlug) + "entered:" + scope(round, unit, district);
	}

	private static String scope(Integer round, String unit, String district) {
		String scope = (round != null) ? "round:" + round : "contest";
		if (unit != null) {
			return scope + ":unit:" + unit;
		}
		return (district != null) ? scope + ":district:" + district : scope;
	}

	/** Display name, unit and district of each ranked participant. */
	static String people(String contestSlug) {
		return prefix(contestSlug) + "people";
	}

	/**
	 * Present once the boards were rebuilt from PostgreSQL; gone if Redis lost its data.
	 * Its version goes up with the boards' shape, so that an upgraded app replays the
	 * boards it does not yet have (2: the {@link #entered} sets).
	 */
	static String built(String contestSlug) {
		return prefix(contestSlug) + "built:2";
	}

	/** A pattern matching every leaderboard key of the contest. */
	static String all(String contestSlug) {
		return prefix(contestSlug) + "*";
	}

	private static String prefix(String contestSlug) {
		return "civiquiz:{" + contestSlug + "}:lb:";
	}

}
