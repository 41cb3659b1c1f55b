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
		String key = prefix(contestSlug) + ((round != null) ? "round:" + round : "contest");
		if (unit != null) {
			return key + ":unit:" + unit;
		}
		return (district != null) ? key + ":district:" + district : key;
	}

	/** Display name, unit and district of each ranked participant. */
	static String people(String contestSlug) {
		return prefix(contestSlug) + "people";
	}

	/**
	 * Present once the boards were rebuilt from PostgreSQL; gone if Redis lost its data.
	 */
	static String built(String contestSlug) {
		return prefix(contestSlug) + "built";
	}

	/** A pattern matching every leaderboard key of the contest. */
	static String all(String contestSlug) {
		return prefix(contestSlug) + "*";
	}

	private static String prefix(String contestSlug) {
		return "civiquiz:{" + contestSlug + "}:lb:";
	}

}
