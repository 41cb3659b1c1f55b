package org.civiquiz.leaderboard;

/**
 * Redis key names. The contest's slug is the hash tag, so that a Redis Cluster keeps one
 * contest's keys on one shard.
 */
final class LeaderboardKeys {

	private LeaderboardKeys() {
	}

	static String round(String contestSlug, long roundId) {
		return "civiquiz:{" + contestSlug + "}:leaderboard:round:" + roundId;
	}

}
