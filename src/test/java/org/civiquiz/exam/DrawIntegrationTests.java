package org.civiquiz.exam;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civiquiz.IntegrationTest;
import org.civiquiz.exam.web.ExamController;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civiquiz.exam.ExamFixtures.newPhone;
import static org.civiquiz.exam.ExamFixtures.registration;
import static org.civiquiz.exam.ExamFixtures.start;

/**
 * Many real draws: the seeded contest's chapter quotas hold in every one, and no response
 * tells which option is correct: not the start's, nor a review's or the answer key's
 * before the contest's review policy allows them.
 */
@IntegrationTest
class DrawIntegrationTests {

	/** The seeded contest's quotas (chapter → minimum questions). */
	private static final Map<Integer, Integer> QUOTAS = Map.of(1, 3, 2, 2, 3, 1, 4, 3, 5, 3, 6, 3, 7, 2);

	private static final int ATTEMPTS = 60;

	@Autowired
	private WebTestClient client;

	@Test
	void quotasHoldAndNoCorrectAnswerLeaks() {
		Map<Long, BankQuestion> bank = ExamFixtures.bank(this.client);
		Map<Long, Integer> timesDrawn = new HashMap<>();
		for (int i = 0; i < ATTEMPTS; i++) {
			String json = start(this.client, registration(newPhone())).expectStatus()
				.isCreated()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(json).doesNotContainIgnoringCase("correct")
				.doesNotContainIgnoringCase("explanation")
				.doesNotContain("\"article\"")
				.doesNotContain("\"chapter\"");
			AttemptStarted attempt = ExamFixtures.started(json);
			assertThat(attempt.questions()).hasSize(20);
			Set<Long> ids = attempt.questions()
				.stream()
				.map(AttemptStarted.ExamQuestion::id)
				.collect(Collectors.toSet());
			assertThat(ids).hasSize(20);
			int attemptNumber = i;
			Map<Integer, Long> perChapter = ids.stream()
				.collect(Collectors.groupingBy((id) -> bank.get(id).chapter(), Collectors.counting()));
			QUOTAS.forEach((chapter, quota) -> assertThat(perChapter.getOrDefault(chapter, 0L))
				.as("chapter %d in attempt %d", chapter, attemptNumber)
				.isGreaterThanOrEqualTo(quota));
			for (AttemptStarted.ExamQuestion question : attempt.questions()) {
				BankQuestion original = bank.get(question.id());
				assertThat(question.text()).isEqualTo(original.text());
				assertThat(question.options()).extracting(AttemptStarted.ExamOption::text)
					.containsExactlyInAnyOrderElementsOf(original.options());
				question.options()
					.forEach((option) -> assertThat(option.text()).isEqualTo(original.option(option.id())));
				timesDrawn.merge(question.id(), 1, Integer::sum);
			}
		}
		// the draw spreads over the bank rather than repeating a few questions
		assertThat(timesDrawn.size()).isGreaterThan(bank.size() / 2);
	}

	@Test
	void noReviewOrAnswerKeyTellsACorrectOptionBeforeItsTime() {
		Map<Long, BankQuestion> bank = ExamFixtures.bank(this.client);
		// the seeded contest keeps its key until it closes (AFTER_CONTEST_CLOSES), weeks
		// away
		this.client.get()
			.uri("/api/contests/{slug}", IntegrationTest.CONTEST)
			.exchange()
			.expectBody()
			.jsonPath("$.reviewPolicy")
			.isEqualTo("AFTER_CONTEST_CLOSES");
		for (int i = 0; i < 5; i++) {
			AttemptStarted attempt = ExamFixtures.started(this.client, newPhone());
			assertNothingTold(review(attempt), 409);
			ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, bank, 10, 10, 1L))
				.expectStatus()
				.isOk();
			assertNothingTold(review(attempt), 403);
			assertNothingTold(
					this.client.get().uri("/api/contests/{slug}/answer-key", IntegrationTest.CONTEST).exchange(), 403);
		}
	}

	private WebTestClient.ResponseSpec review(AttemptStarted attempt) {
		return this.client.get()
			.uri("/api/attempts/{id}/review", attempt.attemptId())
			.header(ExamController.TOKEN_HEADER, attempt.token())
			.exchange();
	}

	private static void assertNothingTold(WebTestClient.ResponseSpec response, int status) {
		String json = response.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(json).doesNotContainIgnoringCase("correct")
			.doesNotContainIgnoringCase("explanation")
			.doesNotContain("\"article")
			.doesNotContain("\"options\"");
	}

}
