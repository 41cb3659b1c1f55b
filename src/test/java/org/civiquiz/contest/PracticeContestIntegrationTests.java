package org.civiquiz.contest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.civiquiz.IntegrationTest;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.exam.ReadModelReconciler;
import org.civiquiz.platform.RedisKeys;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Practice contests ({@code ranked: false}): no leaderboard read or written, no prizes,
 * no public figures, attempts not limited unless set, no prediction question; and the
 * practice contest the embedded default seeds, with a bank of its own.
 */
@IntegrationTest
class PracticeContestIntegrationTests {

	private static final String SEEDED = "on-tap-luat-htx-2023";

	@Autowired
	private WebTestClient client;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private ReadModelReconciler reconciler;

	@Autowired
	private ContestService contests;

	@Test
	void aPracticeContestNeedsNoPredictionQuestionNorAttemptLimitAndStaysUnrankedWhenEdited() {
		String slug = "thi-thu-" + System.nanoTime() % 1_000_000;
		Map<String, Object> form = practiceForm(slug);
		organizer().post()
			.uri("/api/admin/contests")
			.bodyValue(form)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.ranked")
			.isEqualTo(false)
			.jsonPath("$.maxAttemptsPerRound")
			.isEqualTo(0)
			.jsonPath("$.predictionQuestion")
			.isEqualTo("")
			// a public bank is fine for practice: no warning
			.jsonPath("$.bankPublic")
			.isEqualTo(true)
			.jsonPath("$.warnings")
			.isEmpty();

		Map<String, Object> edit = new HashMap<>(form);
		edit.remove("ranked");
		edit.put("title", "Thi thử, đổi tên");
		organizer().put()
			.uri("/api/admin/contests/{slug}", slug)
			.bodyValue(edit)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ranked")
			.isEqualTo(false)
			.jsonPath("$.maxAttemptsPerRound")
			.isEqualTo(0);
		this.client.get()
			.uri("/api/contests/{slug}", slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ranked")
			.isEqualTo(false)
			.jsonPath("$.maxAttemptsPerRound")
			.isEqualTo(0)
			.jsonPath("$.predictionQuestion")
			.doesNotExist();
		this.client.get()
			.uri("/api/contests")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.slug == '" + slug + "')].ranked")
			.isEqualTo(List.of(false));

		// a ranked contest still needs both
		Map<String, Object> ranked = new HashMap<>(form);
		ranked.put("ranked", true);
		organizer().put()
			.uri("/api/admin/contests/{slug}", slug)
			.bodyValue(ranked)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields).contains("maxAttemptsPerRound", "predictionQuestion"));
	}

	@Test
	void attemptsAreUnlimitedAndNothingReachesTheLeaderboards() {
		String slug = createPractice();
		Map<Long, BankQuestion> bank = ExamFixtures.bank(this.client);
		Map<String, Object> registration = ExamFixtures.registration(ExamFixtures.newPhone());
		AttemptStarted last = null;
		// more than any limit a ranked contest has by default (3 a round in the seed)
		for (int i = 0; i < 5; i++) {
			last = ExamFixtures.start(this.client, slug, registration)
				.expectStatus()
				.isCreated()
				.expectBody(AttemptStarted.class)
				.returnResult()
				.getResponseBody();
			assertThat(last.predictionQuestion()).isNull();
			ExamFixtures.submit(this.client, last, ExamFixtures.answers(last, bank, 10 + i, 2, null))
				.expectStatus()
				.isOk();
		}

		this.reconciler.reconcile().block();
		this.reconciler.rebuild(this.contests.settings(slug).block()).block();
		assertThat(leaderboardKeys(slug)).isEmpty();
		this.client.get()
			.uri("/api/contests/{slug}/leaderboard", slug)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CONTEST_UNRANKED");
		this.client.get().uri("/api/contests/{slug}/leaderboard?round=1", slug).exchange().expectStatus().isNotFound();
		this.client.get()
			.uri("/api/attempts/{id}/rank", last.attemptId())
			.header("X-Attempt-Token", last.token())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CONTEST_UNRANKED");
		// the attempt itself is the participant's as ever
		this.client.get()
			.uri("/api/attempts/{id}", last.attemptId())
			.header("X-Attempt-Token", last.token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.score")
			.isEqualTo(14);
	}

	@Test
	void aPracticeContestAwardsNothingAndShowsNoFiguresToThePublic() {
		String slug = createPractice();
		organizer().put()
			.uri("/api/admin/contests/{slug}/prize-plan", slug)
			.bodyValue(Map.of("round", List.of(Map.of("name", "Giải Nhất", "count", 1))))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CONTEST_UNRANKED");
		as("committee", IntegrationTest.COMMITTEE_PASSWORD).post()
			.uri("/api/admin/contests/{slug}/finalization", slug)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CONTEST_UNRANKED");
		this.client.get()
			.uri("/api/contests/{slug}/prizes", slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.round")
			.isEmpty()
			.jsonPath("$.contest")
			.isEmpty();
		// the figures are the organizers' only, as for any contest
		this.client.get().uri("/api/admin/contests/{slug}/stats", slug).exchange().expectStatus().isUnauthorized();
		organizer().get().uri("/api/admin/contests/{slug}/stats", slug).exchange().expectStatus().isOk();
	}

	@Test
	void theSeededPracticeContestIsOpenUnrankedAndDrawsFromItsOwnBank() {
		this.client.get()
			.uri("/api/contests")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.slug == '" + SEEDED + "')].ranked")
			.isEqualTo(List.of(false))
			.jsonPath("$[?(@.slug == '" + SEEDED + "')].status")
			.isEqualTo(List.of("OPEN"));
		organizer().get()
			.uri("/api/admin/contests/{slug}", SEEDED)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.questionBank")
			.isEqualTo(SEEDED)
			.jsonPath("$.maxAttemptsPerRound")
			.isEqualTo(0)
			.jsonPath("$.ranked")
			.isEqualTo(false);

		List<BankQuestion> practice = questions(SEEDED);
		List<BankQuestion> contest = questions(IntegrationTest.CONTEST);
		assertThat(practice).hasSizeGreaterThanOrEqualTo(40);
		Set<String> contestTexts = contest.stream().map(BankQuestion::text).collect(Collectors.toSet());
		assertThat(practice).extracting(BankQuestion::text).doesNotContainAnyElementsOf(contestTexts);

		Map<String, Object> registration = ExamFixtures.registration(ExamFixtures.newPhone());
		AttemptStarted started = ExamFixtures.start(this.client, SEEDED, registration)
			.expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
		Set<Long> practiceIds = practice.stream().map(BankQuestion::id).collect(Collectors.toSet());
		assertThat(started.questions()).hasSize(20)
			.allSatisfy((question) -> assertThat(practiceIds).contains(question.id()));
		assertThat(started.predictionQuestion()).isNull();
	}

	private List<BankQuestion> questions(String slug) {
		return organizer().get()
			.uri("/api/admin/contests/{slug}/questions", slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<BankQuestion>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private List<String> leaderboardKeys(String slug) {
		return this.redis
			.scan(ScanOptions.scanOptions().match(RedisKeys.ofContest(slug, "lb").all()).count(500).build())
			.collectList()
			.block();
	}

	private String createPractice() {
		String slug = "thi-thu-" + UUID.randomUUID().toString().substring(0, 8);
		organizer().post()
			.uri("/api/admin/contests")
			.bodyValue(practiceForm(slug))
			.exchange()
			.expectStatus()
			.isCreated();
		return slug;
	}

	/** An open practice contest on the seeded bank: no prediction question, no limit. */
	private static Map<String, Object> practiceForm(String slug) {
		Instant now = Instant.now();
		Map<String, Object> form = new HashMap<>();
		form.put("slug", slug);
		form.put("title", "Thi thử " + slug);
		form.put("law", "Luật Hợp tác xã 2023");
		form.put("questionBank", IntegrationTest.CONTEST);
		form.put("opensAt", now.minus(Duration.ofHours(1)).toString());
		form.put("closesAt", now.plus(Duration.ofDays(1)).toString());
		form.put("timeLimitMinutes", 20);
		form.put("questionsPerAttempt", 20);
		form.put("status", "OPEN");
		form.put("rounds", List.of(Map.of("number", 1, "name", "Ôn tập", "opensAt",
				now.minus(Duration.ofHours(1)).toString(), "closesAt", now.plus(Duration.ofDays(1)).toString())));
		form.put("units", List.of(Map.of("code", "HP-LMHTX", "name", "Liên minh Hợp tác xã thành phố")));
		form.put("districts", List.of("Quận Lê Chân"));
		form.put("ranked", false);
		return form;
	}

	private WebTestClient organizer() {
		return as("organizer", IntegrationTest.ORGANIZER_PASSWORD);
	}

	private WebTestClient as(String user, String password) {
		return this.client.mutate().defaultHeaders((headers) -> headers.setBasicAuth(user, password)).build();
	}

}
