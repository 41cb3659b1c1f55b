package org.civiquiz.platform;

import java.util.Map;

import org.civiquiz.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civiquiz.platform.ApiDocsIntegrationTests.apiDocs;
import static org.civiquiz.platform.ApiDocsIntegrationTests.section;

/**
 * An operator who wants the staff API described
 * ({@code CIVIQUIZ_API_DOCS_STAFF_API=true}) gets it in {@code /v3/api-docs} beside the
 * citizens' API.
 */
@IntegrationTest
@TestPropertySource(properties = "civiquiz.api-docs.staff-api=true")
class ApiDocsStaffApiIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void describesTheStaffApiToo() {
		Map<String, Object> docs = apiDocs(this.client);
		Map<String, Object> paths = section(docs, "paths");
		assertThat(paths).containsKeys("/api/contests/{slug}/attempts", "/api/admin/contests",
				"/api/admin/contests/{slug}", "/api/admin/accounts", "/api/session");
		assertThat(section(section(docs, "components"), "schemas")).containsKeys("ContestForm");
	}

}
