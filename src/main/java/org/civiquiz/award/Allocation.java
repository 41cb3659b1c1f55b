package org.civiquiz.award;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.civiquiz.award.PrizePlan.Tier;
import org.civiquiz.award.Ranking.Ranked;

/**
 * Prizes handed down a ranking, highest tier first: one prize per person per list, and
 * nobody who already holds a prize elsewhere when the plan says one per contest.
 */
final class Allocation {

	private Allocation() {
	}

	/**
	 * @param ranking the ranking, best first
	 * @param tiers the prizes, highest first
	 * @param heldElsewhere participants to pass over, each with the prize they hold
	 * @return the winners, and who was passed over above the last winner
	 */
	static Result allocate(List<Ranked> ranking, List<Tier> tiers, Map<Long, String> heldElsewhere) {
		List<Prize> winners = new ArrayList<>();
		List<PassedOver> passedOver = new ArrayList<>();
		Iterator<Ranked> next = ranking.iterator();
		for (Tier tier : tiers) {
			int given = 0;
			while (given < tier.count() && next.hasNext()) {
				Ranked ranked = next.next();
				String held = heldElsewhere.get(ranked.candidate().participantId());
				if (held != null) {
					passedOver.add(new PassedOver(ranked, held));
				}
				else {
					winners.add(new Prize(ranked, tier.name()));
					given++;
				}
			}
		}
		return new Result(winners, passedOver);
	}

	/**
	 * Collective prizes: units ranked by how many of their people took part, or by the
	 * share of their headcount; a unit without participants wins nothing.
	 * @param standings each unit's participation
	 * @param tiers the prizes, highest first
	 * @param criterion which ranking
	 * @return the units that win, best first
	 */
	static List<UnitPrize> allocateUnits(List<UnitStanding> standings, List<Tier> tiers, UnitCriterion criterion) {
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

	record Result(List<Prize> winners, List<PassedOver> passedOver) {
	}

	record Prize(Ranked ranked, String prize) {
	}

	record PassedOver(Ranked ranked, String heldPrize) {
	}

	/**
	 * A unit's participation in the list's scope.
	 *
	 * @param code the unit's code
	 * @param name its name
	 * @param participants distinct people with a submitted attempt that counts
	 * @param headcount its headcount, when known
	 */
	record UnitStanding(String code, String name, long participants, Integer headcount) {
	}

}
