package org.civiquiz.exam;

import java.util.Map;

import org.civiquiz.IntegrationTest;
import org.civiquiz.platform.embedded.EmbeddedServers;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped and started again under the running app: while it is down, starts
 * and submissions get a 503 problem with {@code Retry-After} (never a 500), and their
 * retries do not use up the person's rate limits; once it is back, the same app serves
 * them again, the submission accepted as it was sent. Small buckets, so a retry that took
 * a token would show as a 429: their own app context, on the same embedded servers.
 */
@IntegrationTest
@TestPropertySource(properties = { "civiquiz.rate-limits.timeout=5s",
		// the contest and its bank in the replica's caches, as in production: the start
		// then
		// meets the outage when its transaction begins
		"civiquiz.contest.cache-ttl=1h", "civiquiz.question.cache-ttl=1h",
		"civiquiz.rate-limits.start-per-phone.capacity=2", "civiquiz.rate-limits.start-per-phone.period=1h",
		"civiquiz.rate-limits.submit-per-token.capacity=2", "civiquiz.rate-limits.submit-per-token.period=1h" })
class PostgresOutageIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void whilePostgresIsDownRequestsAreRefusedWith503AndTheAppRecoversByItself() throws InterruptedException {
		Map<Long, BankQuestion> bank = ExamFixtures.bank(this.client);
		AttemptStarted attempt = ExamFixtures.started(this.client, ExamFixtures.newPhone());
		Map<String, Object> answers = ExamFixtures.answers(attempt, bank, 17, 3, 4700L);
		String phone = ExamFixtures.newPhone();
		EmbeddedServers.stopPostgres();
		try {
			// twice each bucket's capacity
			for (int i = 0; i < 4; i++) {
				assertUnavailable(ExamFixtures.start(this.client, ExamFixtures.registration(phone)));
				assertUnavailable(ExamFixtures.submit(this.client, attempt, answers));
			}
		}
		finally {
			EmbeddedServers.restartPostgres();
		}
		// the pool may still hand out a connection to the old server: 503 until it has
		// dropped them, never anything else
		int status = 0;
		for (int i = 0; i < 60 && status != 201; i++) {
			EntityExchangeResult<String> result = ExamFixtures.start(this.client, ExamFixtures.registration(phone))
				.expectBody(String.class)
				.returnResult();
			status = result.getStatus().value();
			assertThat(status).as(result.getResponseBody()).isIn(201, 503);
			if (status == 503) {
				Thread.sleep(500);
			}
		}
		assertThat(status).isEqualTo(201);
		ExamFixtures.submit(this.client, attempt, answers)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.score")
			.isEqualTo(17);
	}

	private static void assertUnavailable(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "5")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("TEMPORARILY_UNAVAILABLE");
	}

}
