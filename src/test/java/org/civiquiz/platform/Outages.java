package org.civiquiz.platform;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request must do while a store is away, and after it is back, for the fault
 * tests.
 */
public final class Outages {

	/**
	 * How soon a refusal must come: far above Redis's 750 ms deadline, far below the
	 * clients' 30 s (a request that waited for a Redis that is not there).
	 */
	public static final Duration QUICK = Duration.ofSeconds(3);

	private Outages() {
	}

	/** The request answers 503 {@code TEMPORARILY_UNAVAILABLE}, and at once. */
	public static void assertQuickUnavailable(WebTestClient.RequestHeadersSpec<?> request) {
		long started = System.nanoTime();
		request.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("TEMPORARILY_UNAVAILABLE");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICK);
	}

	/** The request answers 200 within the time, and nothing but 200 or 503 before. */
	public static void awaitOk(WebTestClient.RequestHeadersSpec<?> request, Duration within)
			throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		int status;
		do {
			EntityExchangeResult<String> result = request.exchange().expectBody(String.class).returnResult();
			status = result.getStatus().value();
			assertThat(status).as(result.getResponseBody()).isIn(200, 503);
			if (status != 200) {
				Thread.sleep(100);
			}
		}
		while (status != 200 && System.nanoTime() < deadline);
		assertThat(status).as("answered again within " + within).isEqualTo(200);
	}

}
