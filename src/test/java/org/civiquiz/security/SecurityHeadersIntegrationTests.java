package org.civiquiz.security;

import org.civiquiz.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every response tells the browser, and what other sites may not do.
 */
@IntegrationTest
class SecurityHeadersIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void pagesAndApiCarryTheSecurityHeaders() {
		for (String path : new String[] { "/", "/admin.html", "/api/contests/" + IntegrationTest.CONTEST }) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY)
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
				.expectHeader()
				.exists("Permissions-Policy");
		}
	}

	/**
	 * Without an {@code Access-Control-Allow-Origin} the browser keeps the other site's
	 * page from sending the request (preflight) or from reading the answer.
	 */
	@Test
	void anotherSiteMayNotCallTheApiFromItsPages() {
		this.client.options()
			.uri("/api/contests/{slug}/attempts", IntegrationTest.CONTEST)
			.header(HttpHeaders.ORIGIN, "https://trang-gia-mao.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
			.exchange()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS);
		this.client.get()
			.uri("/api/contests/{slug}", IntegrationTest.CONTEST)
			.header(HttpHeaders.ORIGIN, "https://trang-gia-mao.example")
			.exchange()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void healthIsPublicAndTheOtherActuatorEndpointsAreNot() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/actuator/prometheus")
			.header("X-Requested-With", "XMLHttpRequest")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBasicAuth("admin", IntegrationTest.ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aStaffChangeFromAnotherSitesPageIsRefusedEvenWithCredentials() {
		// a browser sends cached Basic credentials along with a forged cross-site request
		this.client.post()
			.uri("/api/admin/accounts")
			.header("Sec-Fetch-Site", "cross-site")
			.headers((headers) -> headers.setBasicAuth("admin", IntegrationTest.ADMIN_PASSWORD))
			.header(HttpHeaders.CONTENT_TYPE, "application/json")
			.bodyValue("{\"username\":\"ke-gia-mao\",\"role\":\"ADMIN\",\"password\":\"mat-khau-gia-mao-1\"}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CSRF_TOKEN_INVALID");
	}

}
