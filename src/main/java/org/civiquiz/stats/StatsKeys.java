package org.civiquiz.stats;

/**
 * Redis key names of the live statistics; the contest's slug is the hash tag, so that a
 * Redis Cluster keeps one contest's keys on one shard (and its Lua scripts work there).
 */
final class StatsKeys {

	private StatsKeys() {
	}

	static String counters(String slug, String scope) {
		return prefix(slug) + scope;
	}

	static String people(String slug, String scope) {
		return prefix(slug) + scope + ":people";
	}

	static String best(String slug, String scope) {
		return prefix(slug) + scope + ":best";
	}

	/** Events already counted (exactly once, whatever is announced again). */
	static String seen(String slug) {
		return prefix(slug) + "seen";
	}

	static String version(String slug) {
		return prefix(slug) + "version";
	}

	static String built(String slug) {
		return prefix(slug) + "built";
	}

	static String all(String slug) {
		return prefix(slug) + "*";
	}

	private static String prefix(String slug) {
		return "civiquiz:{" + slug + "}:stats:";
	}

}
