package org.civiquiz.platform;

import java.util.Map;

import org.civiquiz.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description a public deployment serves: the citizens' API, and the staff
 * API only where an operator asked for it ({@code civiquiz.api-docs.staff-api}).
 */
@IntegrationTest
class ApiDocsIntegrationTests {

	@Autowired
	private WebTestClient client;

	static Map<String, Object> apiDocs(WebTestClient client) {
		return client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> section(Map<String, Object> docs, String name) {
		return (Map<String, Object>) docs.getOrDefault(name, Map.of());
	}

	@Test
	void describesTheCitizensApiOnly() {
		Map<String, Object> docs = apiDocs(this.client);
		Map<String, Object> paths = section(docs, "paths");
		assertThat(paths).containsKeys("/api/contests", "/api/contests/{slug}", "/api/contests/{slug}/attempts",
				"/api/attempts/{attemptId}", "/api/attempts/{attemptId}/submission",
				"/api/attempts/{attemptId}/answers", "/api/attempts/{attemptId}/rank",
				"/api/contests/{slug}/leaderboard");
		assertThat(paths.keySet()).noneMatch((path) -> path.startsWith("/api/admin"))
			.noneMatch((path) -> path.startsWith("/api/session"));
		// nor the shapes only the staff API uses (the contest form, accounts)
		Map<String, Object> schemas = section(section(docs, "components"), "schemas");
		assertThat(schemas).containsKeys("SubmissionRequest").doesNotContainKeys("ContestForm");
		assertThat(schemas.keySet()).noneMatch((name) -> name.contains("Account"));
	}

}
