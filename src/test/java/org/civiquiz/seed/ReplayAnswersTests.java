package org.civiquiz.seed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.civiquiz.seed.ReplayAnswers.Drawn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReplayAnswersTests {

	private static final List<Drawn> TWENTY = IntStream.rangeClosed(1, 20)
		.mapToObj((i) -> new Drawn(i, "Q-%02d".formatted(i), 1 + i % 4, 1 + i % 4))
		.toList();

	@Test
	void exactlyTheScoreIsRightWhateverIsDrawn() {
		Random random = new Random(1);
		for (int run = 0; run < 2_000; run++) {
			List<Drawn> drawn = new ArrayList<>(TWENTY);
			boolean planted = random.nextBoolean();
			if (planted) {
				drawn.set(7, new Drawn(8, "PLANTED", 3, 2));
			}
			int score = random.nextInt(21);
			int[] chosen = ReplayAnswers.answers(drawn, score, random);
			int right = 0;
			for (int i = 0; i < drawn.size(); i++) {
				assertThat(chosen[i]).isBetween(0, 4);
				right += (chosen[i] == drawn.get(i).key()) ? 1 : 0;
			}
			assertThat(right).as("score %d, planted %s", score, planted).isEqualTo(score);
		}
	}

	@Test
	void harderQuestionsGoWrongMoreOftenAndMoreSoForWeakerEntrants() {
		Random random = new Random(2);
		List<Drawn> byDifficulty = new ArrayList<>(TWENTY);
		byDifficulty.sort(Comparator.comparingDouble((Drawn d) -> ReplayAnswers.difficulty(d.code())));
		Drawn easiest = byDifficulty.get(0);
		Drawn hardest = byDifficulty.get(19);
		for (int score : List.of(8, 16)) {
			int easyRight = 0;
			int hardRight = 0;
			for (int run = 0; run < 4_000; run++) {
				int[] chosen = ReplayAnswers.answers(TWENTY, score, random);
				easyRight += (chosen[TWENTY.indexOf(easiest)] == easiest.key()) ? 1 : 0;
				hardRight += (chosen[TWENTY.indexOf(hardest)] == hardest.key()) ? 1 : 0;
			}
			assertThat(easyRight).as("score %d", score).isGreaterThan(hardRight + 400);
		}
	}

	@Test
	void strongEntrantsChooseTheRightOptionOverAPlantedWrongKey() {
		Random random = new Random(3);
		List<Drawn> drawn = new ArrayList<>(TWENTY);
		Drawn planted = new Drawn(8, "PLANTED", 3, 2);
		drawn.set(7, planted);
		int[] truth = new int[21];
		int[] key = new int[21];
		for (int run = 0; run < 2_000; run++) {
			for (int score : List.of(3, 18)) {
				int chosen = ReplayAnswers.answers(drawn, score, random)[7];
				truth[score] += (chosen == planted.truth()) ? 1 : 0;
				key[score] += (chosen == planted.key()) ? 1 : 0;
			}
		}
		assertThat(truth[18]).isGreaterThan(1_600).isGreaterThan(10 * key[18]);
		assertThat(truth[3]).isLessThan(truth[18] / 2);
		// a perfect score has the key, wrong as it is
		assertThat(ReplayAnswers.answers(drawn, 20, random)[7]).isEqualTo(planted.key());
	}

	@Test
	void theDrawTakesSetsInProportionToTheirWeights() {
		Random random = new Random(4);
		int second = 0;
		for (int run = 0; run < 30_000; run++) {
			boolean[] taken = ReplayAnswers.draw(new double[] { 1, 2, 0 }, 1, random);
			assertThat(taken[2]).isFalse();
			second += taken[1] ? 1 : 0;
		}
		assertThat(second / 30_000.0).isCloseTo(2 / 3.0, within(0.015));
	}

	@Test
	void thePoolKeepsThePlannedCountsAndKeepsPerfectScoresFromThePlantedKey() {
		List<Integer> planned = new ArrayList<>();
		for (int score = 0; score <= 20; score++) {
			planned.addAll(Collections.nCopies(score + 1, score));
		}
		Collections.shuffle(planned, new Random(5));
		ScorePool pool = new ScorePool(planned, 20);
		Random random = new Random(6);
		int[] taken = new int[21];
		int perfectWithPlanted = 0;
		for (int i = 0; i < planned.size(); i++) {
			boolean drewPlanted = i % 3 == 0;
			int score = pool.take(planned.get(i), drewPlanted, random);
			taken[score]++;
			perfectWithPlanted += (drewPlanted && score == 20) ? 1 : 0;
		}
		for (int score = 0; score <= 20; score++) {
			assertThat(taken[score]).isEqualTo(score + 1);
		}
		// only where nothing but perfect scores was left
		assertThat(perfectWithPlanted).isLessThanOrEqualTo(2);
	}

}
