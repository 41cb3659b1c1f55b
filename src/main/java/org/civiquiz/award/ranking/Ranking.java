package org.civiquiz.award.ranking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civiquiz.award.TieBreak;

/**
 * The award ranking: each participant's best attempt under the contest's chain, best
 * first, each with the step that put it ahead of the next one. Pure and deterministic:
 * the same attempts and chain always give the same list.
 */
public final class Ranking {

	/**
	 * The reason when only the attempt id, the chain's implicit last step, separates two.
	 */
	public static final String ATTEMPT_ID = "ATTEMPT_ID";

	/** The reason of the last person ranked: nobody comes after. */
	public static final String LAST = "LAST";

	private static final Comparator<Candidate> BY_SCORE = Comparator.comparingInt(Candidate::score).reversed();

	private static final Comparator<Candidate> BY_PREDICTION = Comparator.comparing(Candidate::distance,
			Comparator.nullsLast(Comparator.naturalOrder()));

	private static final Comparator<Candidate> BY_DURATION = Comparator.comparingInt(Candidate::durationMs);

	private static final Comparator<Candidate> BY_SUBMITTED_AT = Comparator.comparing(Candidate::submittedAt);

	private Ranking() {
	}

	public static List<Ranked> rank(Collection<Candidate> attempts, List<TieBreak> chain) {
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
			order = order.thenComparing(order(step));
		}
		// the text form, so that anyone re-sorting the export gets the same order
		return order.thenComparing((candidate) -> candidate.attemptId().toString());
	}

	/** How one step of the chain orders two attempts. */
	private static Comparator<Candidate> order(TieBreak step) {
		return switch (step) {
			case SCORE -> BY_SCORE;
			case PREDICTION -> BY_PREDICTION;
			case DURATION -> BY_DURATION;
			case SUBMITTED_AT -> BY_SUBMITTED_AT;
		};
	}

	private static String separating(Candidate ahead, Candidate next, List<TieBreak> chain) {
		for (TieBreak step : chain) {
			if (order(step).compare(ahead, next) != 0) {
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
	public record Ranked(int rank, Candidate candidate, String reason) {
	}

}
