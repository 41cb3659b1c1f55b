package org.civiquiz.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.civiquiz.seed.ReplayPlan.Plan;
import org.civiquiz.seed.ReplayPlan.Planned;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayPlanTests {

	private static final Instant OPENS = Instant.parse("2024-09-01T17:00:00Z");

	@Test
	void theFullPlanHasExactlyTheReportedFigures() {
		Plan plan = ReplayPlan.plan(1.0, OPENS, 4, List.of("U1", "U2", "U3"), List.of("D1", "D2"), 2024);
		List<Planned> attempts = plan.participants().stream().flatMap((person) -> person.attempts().stream()).toList();
		assertThat(plan.participants()).hasSize(20_900);
		assertThat(attempts).hasSize(29_600);
		assertThat(attempts.stream().filter((a) -> a.score() == 20)).hasSize(4_700);
		assertThat(attempts.stream().filter((a) -> a.score() >= 15)).hasSize(15_768);
		assertThat(4_700 / 29_600.0).isCloseTo(0.159, org.assertj.core.data.Offset.offset(0.0005));
		assertThat(15_768 / 29_600.0).isCloseTo(0.5327, org.assertj.core.data.Offset.offset(0.00005));
	}

	@Test
	void everyAttemptFitsTheContestsRules() {
		Plan plan = ReplayPlan.plan(0.1, OPENS, 4, List.of("U1"), List.of("D1"), 7);
		assertThat(plan.participants()).allSatisfy((person) -> {
			assertThat(person.attempts()).hasSizeBetween(1, 3);
			assertThat(person.phone()).matches("09\\d{8}");
			assertThat(person.attempts()).allSatisfy((attempt) -> {
				Instant roundOpens = OPENS.plus(Duration.ofDays(7L * (attempt.round() - 1)));
				assertThat(attempt.startedAt()).isBetween(roundOpens, roundOpens.plus(Duration.ofDays(7)));
				assertThat(attempt.startedAt().plus(attempt.duration())).isBefore(roundOpens.plus(Duration.ofDays(7)));
				assertThat(attempt.duration()).isLessThan(Duration.ofMinutes(20));
				assertThat(attempt.score()).isBetween(0, 20);
				assertThat(attempt.prediction()).isNotNegative();
			});
		});
		assertThat(plan.participants().stream().map(ReplayPlan.Person::phone).distinct()).hasSize(plan.people());
	}

	@Test
	void theSameSeedGivesTheSamePlan() {
		assertThat(ReplayPlan.plan(0.05, OPENS, 4, List.of("U1", "U2"), List.of("D1"), 3))
			.isEqualTo(ReplayPlan.plan(0.05, OPENS, 4, List.of("U1", "U2"), List.of("D1"), 3));
	}

	@Test
	void aPersonsAttemptsScoreAlike() {
		Plan plan = ReplayPlan.plan(1.0, OPENS, 4, List.of("U1"), List.of("D1"), 2024);
		List<int[]> pairs = plan.participants()
			.stream()
			.filter((person) -> person.attempts().size() >= 2)
			.map((person) -> new int[] { person.attempts().get(0).score(), person.attempts().get(1).score() })
			.toList();
		double meanFirst = pairs.stream().mapToInt((pair) -> pair[0]).average().orElseThrow();
		double meanSecond = pairs.stream().mapToInt((pair) -> pair[1]).average().orElseThrow();
		double products = 0;
		double first = 0;
		double second = 0;
		for (int[] pair : pairs) {
			products += (pair[0] - meanFirst) * (pair[1] - meanSecond);
			first += (pair[0] - meanFirst) * (pair[0] - meanFirst);
			second += (pair[1] - meanSecond) * (pair[1] - meanSecond);
		}
		assertThat(products / Math.sqrt(first * second)).isGreaterThan(0.5);
	}

}
