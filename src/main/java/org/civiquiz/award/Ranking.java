package org.civiquiz.award;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The award ranking: each participant's best attempt under the contest's chain, best
 * first, each with the step that put it ahead of the next one. Pure and deterministic:
 * the same attempts and chain always give the same list.
 */
final class Ranking {

	/**
	 * The reason when only the attempt id, the chain's implicit last step, separates two.
	 */
	static final String ATTEMPT_ID = "ATTEMPT_ID";

	/** The reason of the last person ranked: nobody comes after. */
	static final String LAST = "LAST";

	private Ranking() {
	}

	static List<Ranked> rank(Collection<Candidate> attempts, List<TieBreak> chain) {
		Comparator<Candidate> order = order(chain);
		Map<Long, Candidate> best = new HashMap<>();
		for (Candidate attempt : attempts) {
			best.merge(attempt.participantId(), attempt, (a, b) -> (order.compare(a, b) <= 0) ? a : b);
		}
		List<Candidate> sorted = new ArrayList<>(best.values());
		sorted.sort(order);
		List<Ranked> ranking = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			String reason = (i + 1 < sorted.size()) ? separating(sorted.get(i), sorted.get(i + 1), chain) : LAST;
			ranking.add(new Ranked(i + 1, sorted.get(i), reason));
		}
		return ranking;
	}

	static Comparator<Candidate> order(List<TieBreak> chain) {
		Comparator<Candidate> order = (a, b) -> 0;
		for (TieBreak step : chain) {
			order = order.thenComparing(step.order());
		}
		// the text form, so that anyone re-sorting the export gets the same order
		return order.thenComparing((candidate) -> candidate.attemptId().toString());
	}

	private static String separating(Candidate ahead, Candidate next, List<TieBreak> chain) {
		for (TieBreak step : chain) {
			if (step.order().compare(ahead, next) != 0) {
				return step.name();
			}
		}
		return ATTEMPT_ID;
	}

	/**
	 * A participant's place.
	 *
	 * @param rank 1 for the best
	 * @param candidate their best attempt
	 * @param reason the chain step that separates them from the next one ranked, or
	 * {@link #ATTEMPT_ID}, or {@link #LAST}
	 */
	record Ranked(int rank, Candidate candidate, String reason) {
	}

}
