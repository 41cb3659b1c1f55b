package org.civiquiz.contest;

import org.civiquiz.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a citizen reads before taking part, and the platform's own descriptions.
 */
@IntegrationTest
class ContestIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void theSeededContestIsListedAndOpen() {
		this.client.get()
			.uri("/api/contests")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.slug == 'luat-htx-2023')].status")
			.isEqualTo("OPEN");
	}

	@Test
	void detailsTellACitizenEverythingNeededToTakePart() {
		this.client.get()
			.uri("/api/contests/{slug}", IntegrationTest.CONTEST)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.law")
			.isEqualTo("Luật Hợp tác xã số 17/2023/QH15")
			.jsonPath("$.timeLimitSeconds")
			.isEqualTo(1200)
			.jsonPath("$.questionsPerAttempt")
			.isEqualTo(20)
			.jsonPath("$.maxAttemptsPerRound")
			.isEqualTo(3)
			.jsonPath("$.rounds.length()")
			.isEqualTo(8)
			.jsonPath("$.currentRound")
			.isEqualTo(1)
			.jsonPath("$.rounds[0].current")
			.isEqualTo(true)
			.jsonPath("$.units[?(@.code == 'HP-LMHTX')].name")
			.isEqualTo("Liên minh Hợp tác xã thành phố")
			.jsonPath("$.districts.length()")
			.isEqualTo(15)
			.jsonPath("$.predictionQuestion")
			.isNotEmpty()
			.jsonPath("$.serverTime")
			.isNotEmpty();
	}

	@Test
	void anUnknownContestIsAProblem() {
		this.client.get()
			.uri("/api/contests/{slug}", "nope")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CONTEST_NOT_FOUND")
			.jsonPath("$.detail")
			.isEqualTo("Không có cuộc thi \"nope\".");
	}

	@Test
	void theApiIsDescribedByOpenApi() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/contests/{slug}/attempts'].post")
			.exists()
			.jsonPath("$.paths['/api/attempts/{attemptId}/submission'].post")
			.exists();
	}

	@Test
	void healthIsPublicAndMetricsNeedTheAdmin() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		this.client.get()
			.uri("/actuator/prometheus")
			.headers((h) -> h.setBasicAuth("admin", IntegrationTest.ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
