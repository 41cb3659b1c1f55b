package org.civiquiz.review;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civiquiz.contest.CertificateSetting;
import org.civiquiz.contest.OverdueHandling;
import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewContest;
import org.civiquiz.contest.ContestService.NewRound;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.contest.PhoneVerification;
import org.civiquiz.contest.ReviewPolicy;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.platform.MovableClock;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each review policy refuses the review, and the answer key, until its moment and shows
 * them from then on: the app's clock is moved past a round's close, its grace, and the
 * contest's close (its own app context, on the same embedded servers), instead of waiting
 * for them.
 */
@IntegrationTest
class ReviewIntegrationTests {

	private static final Duration GRACE = Duration.ofSeconds(15);

	@Autowired
	private MovableClock clock;

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	private Map<Long, BankQuestion> bank;

	@BeforeEach
	void readBank() {
		this.bank = ExamFixtures.bank(this.client);
	}

	@Test
	void afterSubmissionTheAttemptIsReviewedRightAwayWithTheLawsOwnWords() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String slug = contest("rv-sub", ReviewPolicy.AFTER_SUBMISSION,
				List.of(new NewRound(1, "Vòng 1", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)))),
				now.plus(Duration.ofDays(1)));
		AttemptStarted attempt = start(slug);
		review(attempt).expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ATTEMPT_NOT_SUBMITTED");
		ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, this.bank, 12, 5, 3L))
			.expectStatus()
			.isOk();

		AttemptReview review = review(attempt).expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore().cachePrivate())
			.expectBody(AttemptReview.class)
			.returnResult()
			.getResponseBody();

		assertThat(review.attemptId()).isEqualTo(attempt.attemptId());
		assertThat(review.score()).isEqualTo(12);
		assertThat(review.total()).isEqualTo(20);
		assertThat(review.questions()).extracting(AttemptReview.ReviewedQuestion::id)
			.containsExactlyElementsOf(attempt.questions().stream().map(AttemptStarted.ExamQuestion::id).toList());
		for (int i = 0; i < 20; i++) {
			AttemptReview.ReviewedQuestion reviewed = review.questions().get(i);
			AttemptStarted.ExamQuestion shown = attempt.questions().get(i);
			BankQuestion original = this.bank.get(shown.id());
			assertThat(reviewed.options()).extracting(AttemptReview.ReviewOption::id)
				.containsExactlyElementsOf(shown.options().stream().map(AttemptStarted.ExamOption::id).toList());
			assertThat(reviewed.correctOptionId()).isEqualTo(original.correctOption());
			assertThat(reviewed.correct()).isEqualTo(i < 12);
			assertThat(reviewed.chosenOptionId()).isEqualTo((i < 12) ? Integer.valueOf(original.correctOption())
					: (i < 17) ? Integer.valueOf((original.correctOption() % 4) + 1) : null);
			assertThat(reviewed.explanation()).isEqualTo(original.explanation());
			assertThat(reviewed.chapter()).isEqualTo(original.chapter());
			assertThat(reviewed.article()).isEqualTo(original.article());
			// the bundled bank brings every article it cites, in the law's own words
			assertThat(reviewed.articleTitle()).isNotBlank();
			assertThat(reviewed.articleText()).isNotBlank();
		}
		assertThat(review.chapters().stream().mapToInt(AttemptReview.ChapterSummary::total).sum()).isEqualTo(20);
		assertThat(review.chapters().stream().mapToInt(AttemptReview.ChapterSummary::correct).sum()).isEqualTo(12);
		assertThat(review.chapters()).allSatisfy((chapter) -> {
			assertThat(chapter.title()).isNotBlank();
			assertThat(chapter.firstArticle()).isLessThanOrEqualTo(chapter.lastArticle());
		});
		assertThat(review.chapters()).filteredOn((chapter) -> chapter.chapter() == 5)
			.allSatisfy((chapter) -> assertThat(List.of(chapter.firstArticle(), chapter.lastArticle()))
				.containsExactly(56, 72));

		// the key of the whole contest waits for its last round, however the policy
		Map<String, Object> refused = notAvailable(answerKey(slug));
		assertThat(refused.get("availableAt")).isEqualTo(now.plus(Duration.ofDays(1)).plus(GRACE).toString());
	}

	@Test
	void afterRoundClosesTheReviewWaitsForTheRoundsCloseAndItsGrace() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant firstCloses = now.plus(Duration.ofMinutes(10));
		Instant contestCloses = now.plus(Duration.ofDays(1));
		String slug = contest("rv-round", ReviewPolicy.AFTER_ROUND_CLOSES,
				List.of(new NewRound(1, "Vòng 1", now.minus(Duration.ofHours(1)), firstCloses),
						new NewRound(2, "Vòng 2", firstCloses, contestCloses)),
				contestCloses);
		AttemptStarted attempt = submitted(slug);

		assertThat(notAvailable(review(attempt)).get("availableAt")).isEqualTo(firstCloses.plus(GRACE).toString());
		this.clock.advance(Duration.ofMinutes(10));
		// the round has closed, but an attempt of it may still be submitted
		notAvailable(review(attempt));
		this.clock.advance(GRACE);
		review(attempt).expectStatus().isOk().expectBody().jsonPath("$.questions.length()").isEqualTo(20);
		// round 2 draws from the same bank: its key stays secret
		assertThat(notAvailable(answerKey(slug)).get("availableAt")).isEqualTo(contestCloses.plus(GRACE).toString());
	}

	@Test
	void afterContestClosesTheReviewAndTheKeyWaitForTheEnd() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant closes = now.plus(Duration.ofHours(2));
		String slug = contest("rv-contest", ReviewPolicy.AFTER_CONTEST_CLOSES,
				List.of(new NewRound(1, "Vòng 1", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))),
						new NewRound(2, "Vòng 2", now.plus(Duration.ofHours(1)), closes)),
				closes);
		AttemptStarted attempt = submitted(slug);

		assertThat(notAvailable(review(attempt)).get("availableAt")).isEqualTo(closes.plus(GRACE).toString());
		assertThat(notAvailable(answerKey(slug)).get("availableAt")).isEqualTo(closes.plus(GRACE).toString());
		// its first round has closed: not enough
		this.clock.advance(Duration.ofHours(1).plus(GRACE));
		notAvailable(review(attempt));
		this.clock.advance(Duration.ofMinutes(55));
		notAvailable(answerKey(slug));
		this.clock.advance(Duration.ofMinutes(5));

		review(attempt).expectStatus().isOk();
		AnswerKey key = answerKey(slug).expectStatus()
			.isOk()
			.expectBody(AnswerKey.class)
			.returnResult()
			.getResponseBody();
		assertThat(key.contest()).isEqualTo(slug);
		assertThat(key.questions()).hasSize(this.bank.size());
		assertThat(key.questions()).allSatisfy((question) -> {
			BankQuestion original = this.bank.get(question.id());
			assertThat(question.correctOptionId()).isEqualTo(original.correctOption());
			assertThat(question.options()).extracting(AttemptReview.ReviewOption::text)
				.containsExactlyElementsOf(original.options());
			assertThat(question.explanation()).isEqualTo(original.explanation());
			assertThat(question.articleTitle()).isNotBlank();
		});
		assertThat(key.questions()).extracting(AnswerKey.KeyQuestion::chapter).isSorted();
		assertThat(key.chapters()).extracting(AnswerKey.ChapterTitle::chapter).startsWith(1, 2, 3);
		assertThat(key.chapters().get(0).title()).isEqualTo("Những quy định chung");
	}

	@Test
	void aContestItsOrganizersCloseEarlyShowsItsReviewsAndKeyThen() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String slug = contest("rv-early", ReviewPolicy.AFTER_CONTEST_CLOSES,
				List.of(new NewRound(1, "Vòng 1", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)))),
				now.plus(Duration.ofDays(2)));
		AttemptStarted attempt = submitted(slug);
		notAvailable(review(attempt));

		Map<String, Object> form = organizer(this.client.get().uri("/api/admin/contests/{slug}", slug)).exchange()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(form.get("reviewPolicy")).isEqualTo("AFTER_CONTEST_CLOSES");
		form.put("status", "CLOSED");
		organizer(this.client.put().uri("/api/admin/contests/{slug}", slug)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(form)
			.exchange()
			.expectStatus()
			.isOk();

		review(attempt).expectStatus().isOk();
		answerKey(slug).expectStatus().isOk();
	}

	@Test
	void neverIsNeverAndSaysSo() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String slug = contest("rv-never", ReviewPolicy.NEVER,
				List.of(new NewRound(1, "Vòng 1", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)))),
				now.plus(Duration.ofHours(1)));
		AttemptStarted attempt = submitted(slug);

		Map<String, Object> refused = notAvailable(review(attempt));
		assertThat(refused).containsEntry("availableAt", null);
		this.clock.advance(Duration.ofHours(2));
		assertThat(notAvailable(review(attempt))).containsEntry("availableAt", null);
		assertThat(notAvailable(answerKey(slug))).containsEntry("availableAt", null);
		this.client.get()
			.uri("/api/contests/{slug}", slug)
			.exchange()
			.expectBody()
			.jsonPath("$.reviewPolicy")
			.isEqualTo("NEVER");
	}

	@Test
	void onlyTheAttemptsTokenOpensItsReview() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String slug = contest("rv-token", ReviewPolicy.AFTER_SUBMISSION,
				List.of(new NewRound(1, "Vòng 1", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)))),
				now.plus(Duration.ofDays(1)));
		AttemptStarted attempt = submitted(slug);

		this.client.get()
			.uri("/api/attempts/{id}/review", attempt.attemptId())
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get()
			.uri("/api/attempts/{id}/review", attempt.attemptId())
			.header("X-Attempt-Token", "x" + attempt.token())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ATTEMPT_TOKEN_INVALID");
		this.client.get()
			.uri("/api/attempts/{id}/review", UUID.randomUUID())
			.header("X-Attempt-Token", attempt.token())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void aBankWithoutItsLawsTextShowsTheExplanationOnlyUntilItsOrganizersBringIt() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String bankName = "rv-bank-" + System.nanoTime() % 1_000_000;
		String slug = "rv-own-" + System.nanoTime() % 1_000_000;
		StringBuilder csv = new StringBuilder(
				"code,chapter,article,text,option_a,option_b,option_c,option_d,correct,explanation\n");
		for (int i = 1; i <= 5; i++) {
			csv.append("Q%d,%d,%d,Câu hỏi số %d về luật khác?,Một,Hai,Ba,Bốn,B,Theo Điều %d.\n".formatted(i,
					(i <= 3) ? 1 : 2, i, i, i));
		}
		this.contests
			.create(new NewContest(slug, "Luật khác", "Luật khác", "", "", bankName, now.minus(Duration.ofHours(1)),
					now.plus(Duration.ofDays(1)), Duration.ofMinutes(20), 5, 3, Map.of(), "Bao nhiêu?", List.of(),
					ContestStatus.OPEN, null, PhoneVerification.OFF, ReviewPolicy.AFTER_SUBMISSION,
					OverdueHandling.AUTO_SUBMIT, CertificateSetting.OFF, true),
					List.of(new NewRound(1, "Vòng 1", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)))),
					List.of(new NewUnit("RV-U", "Đơn vị", null, null)))
			.block();
		organizer(this.client.post().uri("/api/admin/contests/{slug}/questions", slug))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(csv.toString())
			.exchange()
			.expectStatus()
			.isOk();
		AttemptStarted attempt = ExamFixtures.start(this.client, slug, registration())
			.expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
		ExamFixtures.submit(this.client, attempt, Map.of("answers", List.of())).expectStatus().isOk();

		AttemptReview bare = review(attempt).expectStatus()
			.isOk()
			.expectBody(AttemptReview.class)
			.returnResult()
			.getResponseBody();
		assertThat(bare.questions()).allSatisfy((question) -> {
			assertThat(question.articleText()).isNull();
			assertThat(question.articleTitle()).isNull();
			assertThat(question.chosenOptionId()).isNull();
			assertThat(question.correct()).isFalse();
			assertThat(question.explanation()).startsWith("Theo Điều");
		});
		assertThat(bare.chapters()).extracting(AttemptReview.ChapterSummary::title).containsOnlyNulls();
		review(attempt).expectBody().jsonPath("$.questions[0].articleText").isEmpty();

		organizer(this.client.post().uri("/api/admin/contests/{slug}/questions/articles", slug))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue("chapter,article,title,text\n1,,Chương một,\n1,1,Điều một,\"1. Khoản một.\n2. Khoản hai.\"\n"
					+ "1,9,Thiếu nội dung,\n")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("line 4: text");
		organizer(this.client.post().uri("/api/admin/contests/{slug}/questions/articles", slug))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue("chapter,article,title,text\n1,,Chương một,\n1,1,Điều một,\"1. Khoản một.\n2. Khoản hai.\"\n")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.articles")
			.isEqualTo(1);

		AttemptReview texts = review(attempt).expectBody(AttemptReview.class).returnResult().getResponseBody();
		assertThat(texts.questions()).filteredOn((question) -> question.article() == 1)
			.singleElement()
			.satisfies((question) -> {
				assertThat(question.articleTitle()).isEqualTo("Điều một");
				assertThat(question.articleText()).isEqualTo("1. Khoản một.\n2. Khoản hai.");
			});
		assertThat(texts.questions()).filteredOn((question) -> question.article() != 1)
			.allSatisfy((question) -> assertThat(question.articleText()).isNull());
		assertThat(texts.chapters()).filteredOn((chapter) -> chapter.chapter() == 1)
			.singleElement()
			.satisfies((chapter) -> assertThat(chapter.title()).isEqualTo("Chương một"));
	}

	private String contest(String prefix, ReviewPolicy policy, List<NewRound> rounds, Instant closes) {
		String slug = prefix + "-" + System.nanoTime() % 1_000_000;
		Instant opens = rounds.get(0).opensAt();
		this.contests
			.create(new NewContest(slug, "Xem lại " + slug, "Luật Hợp tác xã 2023", "", "", IntegrationTest.CONTEST,
					opens, closes, Duration.ofMinutes(20), 20, 3, Map.of(), "Bao nhiêu?", List.of(), ContestStatus.OPEN,
					null, PhoneVerification.OFF, policy, OverdueHandling.AUTO_SUBMIT, CertificateSetting.OFF, true),
					rounds, List.of(new NewUnit("RV-U", "Đơn vị", null, null)))
			.block();
		return slug;
	}

	private static Map<String, Object> registration() {
		Map<String, Object> registration = ExamFixtures.registration(ExamFixtures.newPhone());
		registration.put("unitCode", "RV-U");
		registration.remove("district");
		registration.put("district", "Quận Lê Chân");
		return registration;
	}

	private AttemptStarted start(String slug) {
		return ExamFixtures.start(this.client, slug, registration())
			.expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
	}

	private AttemptStarted submitted(String slug) {
		AttemptStarted attempt = start(slug);
		ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, this.bank, 15, 5, 1L))
			.expectStatus()
			.isOk();
		return attempt;
	}

	private WebTestClient.ResponseSpec review(AttemptStarted attempt) {
		return this.client.get()
			.uri("/api/attempts/{id}/review", attempt.attemptId())
			.header("X-Attempt-Token", attempt.token())
			.exchange();
	}

	private WebTestClient.ResponseSpec answerKey(String slug) {
		return this.client.get().uri("/api/contests/{slug}/answer-key", slug).exchange();
	}

	/** A 403 REVIEW_NOT_AVAILABLE that tells nothing of the answers; its members. */
	private static Map<String, Object> notAvailable(WebTestClient.ResponseSpec response) {
		String body = response.expectStatus().isForbidden().expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("\"REVIEW_NOT_AVAILABLE\"")
			.doesNotContainIgnoringCase("correct")
			.doesNotContain("explanation")
			.doesNotContain("articleText");
		return tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readValue(body, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
			});
	}

	private static <S extends WebTestClient.RequestHeadersSpec<?>> S organizer(S request) {
		request.headers((headers) -> headers.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD));
		return request;
	}

	/** The app's clock, moved past a round's close and the contest's. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
