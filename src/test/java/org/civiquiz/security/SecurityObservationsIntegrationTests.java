package org.civiquiz.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.civiquiz.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests are observed as a whole; the security filters, authentications and
 * authorizations inside them are not (each was an observation per filter per request).
 */
@IntegrationTest
class SecurityObservationsIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private MeterRegistry meters;

	@Test
	void requestsAreTimedButNotEachSecurityFilter() {
		this.client.get().uri("/api/contests/" + IntegrationTest.CONTEST).exchange().expectStatus().isOk();
		// an authenticated request: authentication and authorization are observed no more
		StaffFixtures.asAdmin(this.client.get().uri("/api/admin/accounts")).exchange().expectStatus().isOk();

		assertThat(this.meters.find("http.server.requests").timers()).isNotEmpty();
		assertThat(this.meters.getMeters()).noneMatch((meter) -> meter.getId().getName().startsWith("spring.security"));
	}

}
