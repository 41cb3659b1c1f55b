package org.civiquiz.award.ranking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.civiquiz.award.PrizePlan;
import org.civiquiz.award.TieBreak;
import org.civiquiz.award.ranking.Ranking.Ranked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTests {

	private static final long ACTUAL = 100;

	private static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");

	/**
	 * Two participants, A and B, each with one attempt; the chain decides who is first
	 * and names the step that separated them.
	 */
	static Stream<Arguments> pairs() {
		List<TieBreak> standard = PrizePlan.DEFAULT_CHAIN;
		List<TieBreak> timeFirst = List.of(TieBreak.SCORE, TieBreak.DURATION, TieBreak.PREDICTION,
				TieBreak.SUBMITTED_AT);
		return Stream.of(
				// name, chain, A, B, expected first, expected reason of the first
				Arguments.of("higher score wins", standard, attempt("A", 19, 300_000, 100L, 0),
						attempt("B", 20, 900_000, 5L, 9), "B", "SCORE"),
				Arguments.of("equal scores split by prediction", standard, attempt("A", 20, 100_000, 90L, 0),
						attempt("B", 20, 900_000, 104L, 9), "B", "PREDICTION"),
				Arguments.of("over and under the actual value count the same distance", standard,
						attempt("A", 20, 100_000, 97L, 5), attempt("B", 20, 100_000, 103L, 0), "B", "SUBMITTED_AT"),
				Arguments.of("no prediction comes after any prediction", standard, attempt("A", 20, 100_000, null, 0),
						attempt("B", 20, 900_000, 100_000_000L, 9), "B", "PREDICTION"),
				Arguments.of("equal prediction split by duration", standard, attempt("A", 20, 400_000, 95L, 0),
						attempt("B", 20, 399_999, 105L, 9), "B", "DURATION"),
				Arguments.of("equal everything split by submission time", standard, attempt("A", 20, 400_000, 95L, 2),
						attempt("B", 20, 400_000, 95L, 1), "B", "SUBMITTED_AT"),
				Arguments.of("a reordered chain ranks time before prediction", timeFirst,
						attempt("A", 20, 100_000, 50L, 0), attempt("B", 20, 200_000, 100L, 0), "A", "DURATION"),
				Arguments.of("the same pair under the standard chain", standard, attempt("A", 20, 100_000, 50L, 0),
						attempt("B", 20, 200_000, 100L, 0), "B", "PREDICTION"),
				Arguments.of("a dropped step is ignored", List.of(TieBreak.SCORE, TieBreak.SUBMITTED_AT),
						attempt("A", 20, 100_000, 100L, 5), attempt("B", 20, 900_000, 1L, 4), "B", "SUBMITTED_AT"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pairs")
	void theChainDecidesAndNamesTheStep(String name, List<TieBreak> chain, Candidate a, Candidate b, String first,
			String reason) {
		for (List<Candidate> order : List.of(List.of(a, b), List.of(b, a))) {
			List<Ranked> ranking = Ranking.rank(order, chain);
			assertThat(ranking).extracting(Ranked::rank).containsExactly(1, 2);
			assertThat(ranking.get(0).candidate().participantId()).isEqualTo(participant(first));
			assertThat(ranking.get(0).reason()).isEqualTo(reason);
			assertThat(ranking.get(1).reason()).isEqualTo(Ranking.LAST);
		}
	}

	@Test
	void identicalFiguresAreSplitByTheAttemptIdAsText() {
		UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
		UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000001");
		Candidate a = Candidate.of(high, 1, 20, 1000, 5L, T0, ACTUAL);
		Candidate b = Candidate.of(low, 2, 20, 1000, 5L, T0, ACTUAL);
		List<Ranked> ranking = Ranking.rank(List.of(a, b), PrizePlan.DEFAULT_CHAIN);
		// as a signed number "ffffffff-…" is negative; as text it sorts last
		assertThat(ranking.get(0).candidate().attemptId()).isEqualTo(low);
		assertThat(ranking.get(0).reason()).isEqualTo(Ranking.ATTEMPT_ID);
	}

	@Test
	void eachParticipantIsRankedByTheirBestAttemptUnderTheChain() {
		Candidate firstTry = attempt("A", 18, 100_000, 100L, 0);
		Candidate secondTry = attempt("A", 20, 500_000, 3L, 5);
		Candidate thirdTry = attempt("A", 20, 600_000, 99L, 6);
		Candidate other = attempt("B", 19, 100_000, 100L, 1);
		List<Ranked> ranking = Ranking.rank(List.of(firstTry, secondTry, thirdTry, other), PrizePlan.DEFAULT_CHAIN);
		assertThat(ranking).hasSize(2);
		// the closer prediction beats the shorter time: the third try is A's best
		assertThat(ranking.get(0).candidate()).isEqualTo(thirdTry);
		assertThat(ranking.get(1).candidate()).isEqualTo(other);
	}

	@Test
	void theSameAttemptsInAnyOrderGiveTheSameRanking() {
		List<Candidate> attempts = Stream.iterate(0, (i) -> i + 1)
			.limit(200)
			.map((i) -> Candidate.of(UUID.nameUUIDFromBytes(("attempt" + i).getBytes()), i % 70, 15 + (i % 6),
					300_000 + (i % 7) * 1000, (i % 5 == 0) ? null : (long) (i % 11) * 10, T0.plusSeconds(i % 13),
					ACTUAL))
			.toList();
		List<Ranked> ranking = Ranking.rank(attempts, PrizePlan.DEFAULT_CHAIN);
		List<Candidate> shuffled = new java.util.ArrayList<>(attempts);
		java.util.Collections.shuffle(shuffled, new java.util.Random(42));
		assertThat(Ranking.rank(shuffled, PrizePlan.DEFAULT_CHAIN)).isEqualTo(ranking);
		assertThat(ranking).hasSize(70);
	}

	/**
	 * An attempt of participant {@code who} ("A" or "B"), submitted {@code second}s after
	 * T0.
	 */
	static Candidate attempt(String who, int score, int durationMs, Long prediction, int second) {
		UUID id = UUID.nameUUIDFromBytes((who + score + durationMs + prediction + second).getBytes());
		return Candidate.of(id, participant(who), score, durationMs, prediction, T0.plusSeconds(second), ACTUAL);
	}

	private static long participant(String who) {
		return who.charAt(0);
	}

}
