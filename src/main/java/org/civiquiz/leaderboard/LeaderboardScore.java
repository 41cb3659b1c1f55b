package org.civiquiz.leaderboard;

/**
 * Packs score, duration and submission time into one double so that a larger value is a
 * better result: higher score, then shorter duration, then earlier submission. The fields
 * take 5 + 23 + 25 = 53 bits, exactly a double's integer precision, so the value is
 * exact. Durations are capped at 2^23 ms (about 2 h 19 min, above any time limit) and
 * submission offsets from the round's opening at 2^25 s (about 388 days).
 */
final class LeaderboardScore {

	static final long MAX_DURATION_MS = (1L << 23) - 1;

	static final long MAX_OFFSET_SECONDS = (1L << 25) - 1;

	private LeaderboardScore() {
	}

	static double encode(int score, long durationMs, long submittedSecondsAfterOpening) {
		if (score < 0 || score > 31) {
			throw new IllegalArgumentException("score out of range: " + score);
		}
		long duration = Math.min(Math.max(durationMs, 0), MAX_DURATION_MS);
		long offset = Math.min(Math.max(submittedSecondsAfterOpening, 0), MAX_OFFSET_SECONDS);
		long packed = ((long) score << 48) | ((MAX_DURATION_MS - duration) << 25) | (MAX_OFFSET_SECONDS - offset);
		return packed;
	}

	static int score(double encoded) {
		return (int) ((long) encoded >>> 48);
	}

	static long durationMs(double encoded) {
		return MAX_DURATION_MS - (((long) encoded >>> 25) & MAX_DURATION_MS);
	}

}
