package org.civiquiz.seed;

import java.util.Arrays;
import java.util.Collection;
import java.util.random.RandomGenerator;

/**
 * The plan's scores, which the replay's attempts take as they go: each its planned score,
 * but an attempt that drew the planted wrong key cannot score 20/20 without choosing that
 * wrong key, so it takes another score and a later attempt the perfect one it left. The
 * counts the campaign reported hold exactly whatever the order.
 */
final class ScorePool {

	private final long[] left;

	ScorePool(Collection<Integer> scores, int perfect) {
		this.left = new long[perfect + 1];
		scores.forEach((score) -> this.left[score]++);
	}

	/**
	 * @param planned the attempt's planned score
	 * @param notPerfect whether the attempt had better not score perfectly
	 * @param random the attempt's randomness
	 * @return the score it is to make
	 */
	synchronized int take(int planned, boolean notPerfect, RandomGenerator random) {
		int perfect = this.left.length - 1;
		// when nothing but perfect scores is left, one must be taken all the same
		boolean avoid = notPerfect && Arrays.stream(this.left, 0, perfect).sum() > 0;
		if (this.left[planned] > 0 && !(avoid && planned == perfect)) {
			this.left[planned]--;
			return planned;
		}
		long total = 0;
		for (int score = 0; score <= perfect; score++) {
			total += (avoid && score == perfect) ? 0 : this.left[score];
		}
		if (total == 0) {
			throw new IllegalStateException("more attempts than planned scores");
		}
		// another score, each as likely as it is still left
		long at = random.nextLong(total);
		for (int score = 0; score <= perfect; score++) {
			long here = (avoid && score == perfect) ? 0 : this.left[score];
			if (at < here) {
				this.left[score]--;
				return score;
			}
			at -= here;
		}
		throw new IllegalStateException("unreachable");
	}

}
