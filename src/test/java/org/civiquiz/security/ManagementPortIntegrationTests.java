package org.civiquiz.security;

import org.civiquiz.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With actuator on a management port of its own (as in the scale-out deployment),
 * Prometheus scrapes it there without a password; everything else there is still the
 * admin's, and the main port serves no scrape to anyone. Its own app context, on the same
 * embedded servers.
 */
@IntegrationTest
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortIntegrationTests {

	@Autowired
	private WebTestClient client;

	@LocalManagementPort
	private int managementPort;

	@Test
	void prometheusScrapesTheManagementPortWithoutAPassword() {
		String body = management().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("jvm_memory_used_bytes", "r2dbc_pool_acquired_connections");
	}

	@Test
	void otherEndpointsOfTheManagementPortStayTheAdmins() {
		management().get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
		management().get()
			.uri("/actuator/metrics")
			.headers((headers) -> basic(headers, "organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isForbidden();
		management().get()
			.uri("/actuator/metrics")
			.headers((headers) -> basic(headers, "admin", IntegrationTest.ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk();
		management().post().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		management().get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

	@Test
	void theMainPortServesNoScrape() {
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		this.client.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> basic(headers, "admin", IntegrationTest.ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private WebTestClient management() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
	}

	private static void basic(HttpHeaders headers, String user, String password) {
		headers.setBasicAuth(user, password);
	}

}
