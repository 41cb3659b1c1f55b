package org.civiquiz.seed;

import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * How a replayed entrant answers, question by question, once the plan has fixed how many
 * answers are right: a Rasch (one-parameter logistic) model, in which an entrant of
 * ability θ answers a question of difficulty b right with probability
 * {@code 1 / (1 + e^(b - θ))}. Given the number right, which questions they are does not
 * depend on θ: each set of that size comes with a probability proportional to the product
 * of {@code e^(-b)} over its questions, so harder questions go wrong more often, and more
 * often for weaker entrants (who have fewer right answers to place). The plan's exact
 * score counts and the model hold together.
 * <p>
 * A wrong answer picks one of the wrong options, each as attractive as its question's
 * fixed weights make it, or now and then none. A question whose key in the contest's bank
 * differs from the option that is right by the law (the planted wrong key): an entrant of
 * the ability the score implies knows the right option with the model's probability and
 * chooses it, which the bank scores wrong; one who does not know guesses among the
 * others, the key included.
 */
final class ReplayAnswers {

	/** The share of wrong answers left blank. */
	static final double BLANK = 0.02;

	private ReplayAnswers() {
	}

	/**
	 * A drawn question as the replay sees it.
	 *
	 * @param id its id
	 * @param code its code, which fixes its difficulty and its options' attraction
	 * @param key the option the contest's bank keys (1..4)
	 * @param truth the option that is right by the law: the key, but for a planted
	 * question
	 */
	record Drawn(long id, String code, int key, int truth) {

		boolean planted() {
			return this.key != this.truth;
		}

	}

	/**
	 * A question's difficulty on the logit scale (about -2.5 to 2.5), fixed by its code.
	 */
	static double difficulty(String code) {
		return 0.9 * new Random(code.hashCode() * 31L + 2024).nextGaussian();
	}

	/** How attractive each option (index 1..4) is to an entrant who does not know. */
	static double[] attraction(String code) {
		Random random = new Random(code.hashCode() * 31L + 17);
		double[] weights = new double[5];
		for (int option = 1; option <= 4; option++) {
			weights[option] = Math.exp(0.5 * random.nextGaussian());
		}
		return weights;
	}

	/**
	 * The answers of one attempt.
	 * @param drawn the attempt's questions
	 * @param score how many the contest's bank must score right (if a planted question is
	 * drawn, at most one fewer than the questions but for a perfect score)
	 * @param random the attempt's randomness
	 * @return per question the option chosen, 0 for none
	 */
	static int[] answers(List<Drawn> drawn, int score, RandomGenerator random) {
		int n = drawn.size();
		int[] chosen = new int[n];
		int needed = score;
		int planted = -1;
		for (int i = 0; i < n; i++) {
			if (drawn.get(i).planted()) {
				planted = i;
			}
		}
		if (planted >= 0) {
			Drawn question = drawn.get(planted);
			if (score >= n) {
				chosen[planted] = question.key();
			}
			else if (random.nextDouble() < logistic(ability(drawn, score) - difficulty(question.code()))) {
				chosen[planted] = question.truth();
			}
			else {
				int excluded = (score == 0) ? question.key() : 0;
				chosen[planted] = pick(attraction(question.code()), question.truth(), excluded, random);
			}
			needed -= (chosen[planted] == question.key()) ? 1 : 0;
		}
		double[] weights = new double[n];
		for (int i = 0; i < n; i++) {
			weights[i] = (i == planted) ? 0 : Math.exp(-difficulty(drawn.get(i).code()));
		}
		boolean[] right = draw(weights, needed, random);
		for (int i = 0; i < n; i++) {
			if (i == planted) {
				continue;
			}
			Drawn question = drawn.get(i);
			if (right[i]) {
				chosen[i] = question.key();
			}
			else if (random.nextDouble() >= BLANK) {
				chosen[i] = pick(attraction(question.code()), question.key(), 0, random);
			}
		}
		return chosen;
	}

	/**
	 * The ability at which the model expects {@code score} right answers of these
	 * questions (a perfect or a nil score is taken half a point in, where the expectation
	 * is finite).
	 */
	static double ability(List<Drawn> drawn, int score) {
		double target = Math.min(Math.max(score, 0.5), drawn.size() - 0.5);
		double low = -12;
		double high = 12;
		for (int step = 0; step < 60; step++) {
			double mid = (low + high) / 2;
			double expected = 0;
			for (Drawn question : drawn) {
				expected += logistic(mid - difficulty(question.code()));
			}
			if (expected < target) {
				low = mid;
			}
			else {
				high = mid;
			}
		}
		return (low + high) / 2;
	}

	/**
	 * Exactly {@code k} of the items, each set with a probability proportional to the
	 * product of its items' weights (items of weight 0 never): item by item, taken with
	 * the probability that a set completed from the rest includes it, from the elementary
	 * symmetric sums of the remaining weights.
	 */
	static boolean[] draw(double[] weights, int k, RandomGenerator random) {
		int n = weights.length;
		// sums[i][j]: the sum over the j-item sets of items i.. of their weights'
		// products
		double[][] sums = new double[n + 1][k + 1];
		sums[n][0] = 1;
		for (int i = n - 1; i >= 0; i--) {
			sums[i][0] = 1;
			for (int j = 1; j <= k; j++) {
				sums[i][j] = sums[i + 1][j] + weights[i] * sums[i + 1][j - 1];
			}
		}
		if (k < 0 || sums[0][k] <= 0) {
			throw new IllegalArgumentException("cannot choose " + k + " of " + n);
		}
		boolean[] taken = new boolean[n];
		int left = k;
		for (int i = 0; i < n && left > 0; i++) {
			double take = weights[i] * sums[i + 1][left - 1] / sums[i][left];
			if (random.nextDouble() < take) {
				taken[i] = true;
				left--;
			}
		}
		return taken;
	}

	private static int pick(double[] weights, int not, int norEither, RandomGenerator random) {
		double total = 0;
		for (int option = 1; option <= 4; option++) {
			total += (option == not || option == norEither) ? 0 : weights[option];
		}
		double at = random.nextDouble() * total;
		int last = 0;
		for (int option = 1; option <= 4; option++) {
			if (option == not || option == norEither) {
				continue;
			}
			last = option;
			at -= weights[option];
			if (at < 0) {
				return option;
			}
		}
		return last;
	}

	private static double logistic(double x) {
		return 1 / (1 + Math.exp(-x));
	}

}
