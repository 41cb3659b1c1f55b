package org.civiquiz.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civiquiz.IntegrationTest;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Staff accounts for tests, made through the admin's API.
 */
public final class StaffFixtures {

	/** The password of every account made here. */
	public static final String PASSWORD = "mat-khau-pham-vi-2027";

	private StaffFixtures() {
	}

	/**
	 * A scope's JSON: each contest slug with its unit codes (none: the whole contest).
	 * @param contests slug → units
	 * @return {@code {"contests":[{"slug","units"}]}}
	 */
	public static Map<String, Object> scope(Map<String, List<String>> contests) {
		return Map.of("contests",
				contests.entrySet()
					.stream()
					.map((contest) -> Map.of("slug", contest.getKey(), "units", contest.getValue()))
					.toList());
	}

	/**
	 * Creates an account with a scope, as the admin.
	 * @param client the client
	 * @param prefix the start of its name (a number follows, so that tests can run again)
	 * @param role its role
	 * @param scope its scope ({@link #scope}), or {@code null} for every contest
	 * @return its name
	 */
	public static String account(WebTestClient client, String prefix, Role role, Map<String, Object> scope) {
		String username = prefix + "-" + System.nanoTime() % 1_000_000_000;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("role", role.name());
		body.put("password", PASSWORD);
		body.put("scope", scope);
		asAdmin(client.post().uri("/api/admin/accounts")).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated();
		return username;
	}

	public static <S extends WebTestClient.RequestHeadersSpec<?>> S asAdmin(S request) {
		request.headers((headers) -> headers.setBasicAuth("admin", IntegrationTest.ADMIN_PASSWORD));
		return request;
	}

}
