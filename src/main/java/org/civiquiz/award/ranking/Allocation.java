package org.civiquiz.award.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.civiquiz.award.PrizePlan.Tier;
import org.civiquiz.award.UnitCriterion;
import org.civiquiz.award.UnitPrize;
import org.civiquiz.award.ranking.Ranking.Ranked;

/**
 * Prizes handed down a ranking, highest tier first: one prize per person per list and,
 * when the plan keeps only a person's highest prize in the contest, nobody who already
 * holds an equal or higher prize in another list.
 */
public final class Allocation {

	private Allocation() {
	}

	/**
	 * @param ranking the ranking, best first
	 * @param tiers the prizes, highest first
	 * @param contestList whether the list is the whole contest's (its prizes outrank
	 * every round prize)
	 * @param heldElsewhere for each participant holding a prize in another list, their
	 * highest; empty when a person may win in every list
	 * @return the winners, who was passed over above the last winner, and which prizes
	 * held elsewhere a winner's prize here supersedes
	 */
	public static Result allocate(List<Ranked> ranking, List<Tier> tiers, boolean contestList,
			Map<Long, Held> heldElsewhere) {
		List<Prize> winners = new ArrayList<>();
		List<PassedOver> passedOver = new ArrayList<>();
		List<Superseded> superseded = new ArrayList<>();
		Iterator<Ranked> next = ranking.iterator();
		for (int t = 0; t < tiers.size(); t++) {
			Tier tier = tiers.get(t);
			int given = 0;
			while (given < tier.count() && next.hasNext()) {
				Ranked ranked = next.next();
				Held held = heldElsewhere.get(ranked.candidate().participantId());
				if (held != null && !held.isLowerThan(contestList, t)) {
					passedOver.add(new PassedOver(ranked, held.label()));
					continue;
				}
				Prize prize = new Prize(ranked, tier.name(), t);
				winners.add(prize);
				if (held != null) {
					superseded.add(new Superseded(prize, held));
				}
				given++;
			}
		}
		return new Result(winners, passedOver, superseded);
	}

	/**
	 * Collective prizes: units ranked by how many of their people took part, or by the
	 * share of their headcount; a unit without participants wins nothing.
	 * @param standings each unit's participation
	 * @param tiers the prizes, highest first
	 * @param criterion which ranking
	 * @return the units that win, best first
	 */
	public static List<UnitPrize> allocateUnits(List<UnitStanding> standings, List<Tier> tiers,
			UnitCriterion criterion) {
		Comparator<UnitStanding> byParticipants = Comparator.comparingLong(UnitStanding::participants).reversed();
		Comparator<UnitStanding> order = switch (criterion) {
			case PARTICIPANTS -> byParticipants;
			// a/b > c/d as a*d > c*b: exact, no rounding decides a prize
			case PARTICIPATION_RATE ->
				((Comparator<UnitStanding>) (a, b) -> Long.compare(b.participants() * a.headcount(),
						a.participants() * b.headcount()))
					.thenComparing(byParticipants);
		};
		List<UnitStanding> ranked = standings.stream()
			.filter((unit) -> unit.participants() > 0)
			.filter((unit) -> criterion == UnitCriterion.PARTICIPANTS
					|| (unit.headcount() != null && unit.headcount() > 0))
			.sorted(order.thenComparing(UnitStanding::code))
			.toList();
		List<UnitPrize> prizes = new ArrayList<>();
		Iterator<UnitStanding> next = ranked.iterator();
		for (Tier tier : tiers) {
			for (int i = 0; i < tier.count() && next.hasNext(); i++) {
				UnitStanding unit = next.next();
				prizes.add(new UnitPrize(prizes.size() + 1, tier.name(), criterion, unit.code(), unit.name(),
						unit.participants(), unit.headcount(), rate(unit)));
			}
		}
		return prizes;
	}

	private static BigDecimal rate(UnitStanding unit) {
		if (unit.headcount() == null || unit.headcount() == 0) {
			return null;
		}
		return BigDecimal.valueOf(unit.participants() * 100L)
			.divide(BigDecimal.valueOf(unit.headcount()), 2, RoundingMode.HALF_UP);
	}

	public record Result(List<Prize> winners, List<PassedOver> passedOver, List<Superseded> superseded) {
	}

	/**
	 * A prize given in this list.
	 *
	 * @param ranked to whom
	 * @param prize its name
	 * @param tier its place in the plan's list, 0 for the highest
	 */
	public record Prize(Ranked ranked, String prize, int tier) {
	}

	/**
	 * A prize a participant holds in another finalized list.
	 *
	 * @param label which list and prize, e.g. "Tuần 1: Giải Ba"
	 * @param contestPrize whether it is a prize of the whole contest's list
	 * @param tier its place in its plan list, 0 for the highest
	 */
	public record Held(String label, boolean contestPrize, int tier) {

		/**
		 * Whether a prize of this tier in a round's (or the contest's) list is higher.
		 */
		boolean isLowerThan(boolean contestList, int otherTier) {
			if (this.contestPrize != contestList) {
				return contestList;
			}
			return otherTier < this.tier;
		}

		/** The higher of two prizes held. */
		public static Held higher(Held a, Held b) {
			return a.isLowerThan(b.contestPrize(), b.tier()) ? b : a;
		}

	}

	/** A lower prize held elsewhere that a winner's prize here supersedes. */
	public record Superseded(Prize prize, Held held) {
	}

	public record PassedOver(Ranked ranked, String heldPrize) {
	}

	/**
	 * A unit's participation in the list's scope.
	 *
	 * @param code the unit's code
	 * @param name its name
	 * @param participants distinct people with a submitted attempt that counts
	 * @param headcount its headcount, when known
	 */
	public record UnitStanding(String code, String name, long participants, Integer headcount) {
	}

}
