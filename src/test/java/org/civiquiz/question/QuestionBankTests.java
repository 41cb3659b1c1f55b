package org.civiquiz.question;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QuestionBankTests {

	private final Random random = new Random(42);

	@RepeatedTest(20)
	void drawHoldsEveryChapterQuotaWithDistinctQuestions() {
		QuestionBank bank = QuestionFixtures.bank(5, 8);
		Map<Integer, Integer> quotas = Map.of(1, 3, 2, 4, 5, 2);
		List<DrawnQuestion> drawn = bank.draw(20, quotas, this.random);
		assertThat(drawn).hasSize(20);
		assertThat(drawn.stream().map((d) -> d.question().id()).collect(Collectors.toSet())).hasSize(20);
		Map<Integer, Long> perChapter = drawn.stream()
			.collect(Collectors.groupingBy((d) -> d.question().chapter(), Collectors.counting()));
		quotas.forEach((chapter, quota) -> assertThat(perChapter.get(chapter)).isGreaterThanOrEqualTo(quota));
	}

	@Test
	void optionsAreAPermutationOfTheQuestionsOptions() {
		QuestionBank bank = QuestionFixtures.bank(2, 10);
		for (DrawnQuestion drawn : bank.draw(20, Map.of(), this.random)) {
			assertThat(drawn.optionOrder()).containsExactlyInAnyOrder(1, 2, 3, 4);
		}
	}

	@Test
	void orderOfQuestionsAndOptionsVaries() {
		QuestionBank bank = QuestionFixtures.bank(2, 10);
		Set<List<Long>> orders = new HashSet<>();
		Map<Integer, Integer> firstOptions = new HashMap<>();
		for (int i = 0; i < 200; i++) {
			List<DrawnQuestion> drawn = bank.draw(20, Map.of(), this.random);
			orders.add(drawn.stream().map((d) -> d.question().id()).toList());
			firstOptions.merge(drawn.get(0).optionOrder().get(0), 1, Integer::sum);
		}
		assertThat(orders).hasSizeGreaterThan(190);
		// every option is shown first sometimes: shown positions do not reveal the bank's
		// order
		assertThat(firstOptions).containsOnlyKeys(1, 2, 3, 4);
		assertThat(firstOptions.values()).allSatisfy((count) -> assertThat(count).isGreaterThan(20));
	}

	@Test
	void retiredQuestionsAreFoundByIdButNeverDrawn() {
		QuestionBank active = QuestionFixtures.bank(2, 10);
		BankQuestion retired = new BankQuestion(999, "OLD-1", 1, 1, "Retired?", List.of("a", "b", "c", "d"), 2, "");
		QuestionBank bank = new QuestionBank("test", active.questions(), List.of(retired));
		assertThat(bank.question(999)).isEqualTo(retired);
		assertThat(bank.questions()).hasSize(20).doesNotContain(retired);
		for (int i = 0; i < 50; i++) {
			assertThat(bank.draw(20, Map.of(1, 10), this.random)).extracting((d) -> d.question().id())
				.doesNotContain(999L);
		}
	}

	@Test
	void bankTooSmallForAQuotaIsRefused() {
		QuestionBank bank = QuestionFixtures.bank(3, 8);
		assertThatExceptionOfType(QuestionBankException.class)
			.isThrownBy(() -> bank.draw(20, Map.of(1, 9), this.random))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("QUESTION_BANK_INSUFFICIENT"));
		assertThatExceptionOfType(QuestionBankException.class).isThrownBy(() -> bank.draw(25, Map.of(), this.random));
		assertThatExceptionOfType(QuestionBankException.class)
			.isThrownBy(() -> bank.draw(5, Map.of(1, 3, 2, 3), this.random));
	}

}
