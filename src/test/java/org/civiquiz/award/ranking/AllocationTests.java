package org.civiquiz.award.ranking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civiquiz.award.PrizePlan.Tier;
import org.civiquiz.award.UnitCriterion;
import org.civiquiz.award.UnitPrize;
import org.civiquiz.award.ranking.Allocation.Held;
import org.civiquiz.award.ranking.Allocation.UnitStanding;
import org.civiquiz.award.ranking.Ranking.Ranked;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationTests {

	private static final List<Tier> TIERS = List.of(new Tier("Giải Nhất", 1), new Tier("Giải Nhì", 2),
			new Tier("Giải Ba", 1));

	@Test
	void prizesGoDownTheRankingHighestTierFirst() {
		Allocation.Result result = Allocation.allocate(ranking(6), TIERS, false, Map.of());
		assertThat(result.winners()).extracting(Allocation.Prize::prize)
			.containsExactly("Giải Nhất", "Giải Nhì", "Giải Nhì", "Giải Ba");
		assertThat(result.winners()).extracting((prize) -> prize.ranked().rank()).containsExactly(1, 2, 3, 4);
		assertThat(result.passedOver()).isEmpty();
	}

	@Test
	void someoneHoldingAnEqualOrHigherPrizeElsewhereIsPassedOverAndTheNextOneWins() {
		// participant 2 won a first prize in another round; participant 4 a second prize
		Allocation.Result result = Allocation.allocate(ranking(6), TIERS, false,
				Map.of(2L, new Held("Tuần 1: Giải Nhất", false, 0), 4L, new Held("Tuần 1: Giải Nhì", false, 1)));
		assertThat(result.winners()).extracting((prize) -> prize.ranked().candidate().participantId())
			.containsExactly(1L, 3L, 5L, 6L);
		assertThat(result.winners()).extracting(Allocation.Prize::prize)
			.containsExactly("Giải Nhất", "Giải Nhì", "Giải Nhì", "Giải Ba");
		assertThat(result.passedOver()).extracting((passed) -> passed.ranked().rank()).containsExactly(2, 4);
		assertThat(result.passedOver().get(0).heldPrize()).isEqualTo("Tuần 1: Giải Nhất");
		assertThat(result.superseded()).isEmpty();
	}

	@Test
	void aHigherPrizeHereSupersedesALowerOneHeldElsewhere() {
		Held third = new Held("Tuần 1: Giải Ba", false, 2);
		Allocation.Result result = Allocation.allocate(ranking(6), TIERS, false, Map.of(1L, third));
		assertThat(result.winners().get(0).ranked().candidate().participantId()).isEqualTo(1L);
		assertThat(result.superseded()).singleElement().satisfies((superseded) -> {
			assertThat(superseded.held()).isEqualTo(third);
			assertThat(superseded.prize().prize()).isEqualTo("Giải Nhất");
		});
		// the same third prize, won again here, is not higher: passed over
		Allocation.Result lower = Allocation.allocate(ranking(6), TIERS, false, Map.of(4L, third));
		assertThat(lower.passedOver()).extracting((passed) -> passed.ranked().rank()).containsExactly(4);
	}

	@Test
	void aContestPrizeOutranksEveryRoundPrize() {
		Held roundFirst = new Held("Tuần 2: Giải Nhất", false, 0);
		Held contestLast = new Held("Toàn cuộc thi: Giải Khuyến khích", true, 5);
		Allocation.Result contestList = Allocation.allocate(ranking(3), TIERS, true, Map.of(1L, roundFirst));
		assertThat(contestList.superseded()).hasSize(1);
		Allocation.Result roundList = Allocation.allocate(ranking(3), TIERS, false, Map.of(1L, contestLast));
		assertThat(roundList.passedOver()).hasSize(1);
		assertThat(Held.higher(roundFirst, contestLast)).isEqualTo(contestLast);
		assertThat(Held.higher(new Held("a", false, 3), new Held("b", false, 1)).label()).isEqualTo("b");
	}

	@Test
	void fewerPeopleThanPrizesLeavesPrizesUnawarded() {
		Allocation.Result result = Allocation.allocate(ranking(2), TIERS, false, Map.of());
		assertThat(result.winners()).extracting(Allocation.Prize::prize).containsExactly("Giải Nhất", "Giải Nhì");
	}

	@Test
	void unitsRankByParticipantsThenByExactRate() {
		List<UnitStanding> units = List.of(new UnitStanding("A", "Đơn vị A", 30, 300),
				new UnitStanding("B", "Đơn vị B", 50, null), new UnitStanding("C", "Đơn vị C", 10, 30),
				new UnitStanding("D", "Đơn vị D", 20, 60), new UnitStanding("E", "Đơn vị E", 0, 5));
		List<Tier> one = List.of(new Tier("Giải tập thể", 2));
		assertThat(Allocation.allocateUnits(units, one, UnitCriterion.PARTICIPANTS)).extracting(UnitPrize::unitCode)
			.containsExactly("B", "A");
		// C and D both have a third of their headcount; D has more participants
		List<UnitPrize> byRate = Allocation.allocateUnits(units, one, UnitCriterion.PARTICIPATION_RATE);
		assertThat(byRate).extracting(UnitPrize::unitCode).containsExactly("D", "C");
		assertThat(byRate.get(0).participationRate()).isEqualTo(new BigDecimal("33.33"));
	}

	/** Participants 1..n, in that order. */
	private static List<Ranked> ranking(int n) {
		List<Ranked> ranking = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			Candidate attempt = Candidate.of(UUID.randomUUID(), i, 20 - i, 1000, 5L, Instant.EPOCH, 5);
			ranking.add(new Ranked(i, attempt, (i < n) ? "SCORE" : Ranking.LAST));
		}
		return ranking;
	}

}
