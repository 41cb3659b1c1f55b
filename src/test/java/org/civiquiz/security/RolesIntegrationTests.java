package org.civiquiz.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.civiquiz.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every staff endpoint, called anonymously and with each role: refused with 401 or 403
 * where it must be, let through (to a missing contest, so nothing changes) where it may.
 */
@IntegrationTest
class RolesIntegrationTests {

	/** A contest that does not exist: allowed calls stop at 404 and change nothing. */
	private static final String NONE = "khong-co-cuoc-thi";

	private static final Set<Role> STAFF = EnumSet.allOf(Role.class);

	private static final Set<Role> ORGANIZERS = EnumSet.of(Role.ORGANIZER, Role.ADMIN);

	private static final Set<Role> COMMITTEE = EnumSet.of(Role.COMMITTEE, Role.ADMIN);

	private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

	/** Every endpoint under /api/admin and /actuator, with the roles it admits. */
	private static final List<Endpoint> ENDPOINTS = List.of(new Endpoint(HttpMethod.GET, "/api/admin/contests", STAFF),
			new Endpoint(HttpMethod.POST, "/api/admin/contests", ORGANIZERS),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE, STAFF),
			new Endpoint(HttpMethod.PUT, "/api/admin/contests/" + NONE, ORGANIZERS),
			new Endpoint(HttpMethod.POST, "/api/admin/contests/" + NONE + "/rebuild", ORGANIZERS),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE + "/stats", STAFF),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE + "/stats/stream", STAFF),
			new Endpoint(HttpMethod.POST, "/api/admin/contests/" + NONE + "/questions", ORGANIZERS),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE + "/questions", ORGANIZERS),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE + "/questions/draw-preview", ORGANIZERS),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE + "/questions/bank", ORGANIZERS),
			new Endpoint(HttpMethod.PUT, "/api/admin/contests/" + NONE + "/questions/C01-001", ORGANIZERS),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE + "/item-analysis", STAFF),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE + "/prize-plan", STAFF),
			new Endpoint(HttpMethod.PUT, "/api/admin/contests/" + NONE + "/prize-plan", ORGANIZERS),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE + "/exclusions", COMMITTEE),
			new Endpoint(HttpMethod.PUT,
					"/api/admin/contests/" + NONE + "/exclusions/00000000-0000-0000-0000-000000000000", COMMITTEE),
			new Endpoint(HttpMethod.DELETE,
					"/api/admin/contests/" + NONE + "/exclusions/00000000-0000-0000-0000-000000000000", COMMITTEE),
			new Endpoint(HttpMethod.POST, "/api/admin/contests/" + NONE + "/rounds/1/finalization", COMMITTEE),
			new Endpoint(HttpMethod.POST, "/api/admin/contests/" + NONE + "/finalization", COMMITTEE),
			new Endpoint(HttpMethod.POST, "/api/admin/contests/" + NONE + "/rounds/1/reopening", COMMITTEE),
			new Endpoint(HttpMethod.POST, "/api/admin/contests/" + NONE + "/reopening", COMMITTEE),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE + "/rounds/1/winners", COMMITTEE),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE + "/winners", COMMITTEE),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE + "/award-log", COMMITTEE),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE + "/integrity-flags", COMMITTEE),
			new Endpoint(HttpMethod.GET, "/api/admin/accounts", ADMIN),
			new Endpoint(HttpMethod.POST, "/api/admin/accounts", ADMIN),
			new Endpoint(HttpMethod.PUT, "/api/admin/accounts/khong-co-tai-khoan", ADMIN),
			new Endpoint(HttpMethod.GET, "/actuator/prometheus", ADMIN),
			new Endpoint(HttpMethod.GET, "/actuator/metrics", ADMIN),
			new Endpoint(HttpMethod.GET, "/actuator/info", ADMIN));

	@Autowired
	private WebTestClient client;

	static Stream<Arguments> anonymousCalls() {
		return ENDPOINTS.stream().map((endpoint) -> Arguments.of(endpoint.method(), endpoint.path()));
	}

	static Stream<Arguments> refusedRoles() {
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint endpoint : ENDPOINTS) {
			for (Role role : EnumSet.complementOf(EnumSet.copyOf(endpoint.allowed()))) {
				cases.add(Arguments.of(endpoint.method(), endpoint.path(), role));
			}
		}
		return cases.stream();
	}

	static Stream<Arguments> allowedRoles() {
		return ENDPOINTS.stream()
			.flatMap((endpoint) -> endpoint.allowed()
				.stream()
				.map((role) -> Arguments.of(endpoint.method(), endpoint.path(), role)));
	}

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	/**
	 * A staff endpoint added without a line above fails here: every mapping under
	 * {@code /api/admin} must have its role test.
	 */
	@Test
	void everyStaffEndpointIsListed() {
		List<String> missing = new ArrayList<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> {
			for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
				if (!pattern.getPatternString().startsWith("/api/admin")) {
					continue;
				}
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					boolean listed = ENDPOINTS.stream()
						.anyMatch((endpoint) -> endpoint.method().name().equals(method.name())
								&& pattern.matches(PathContainer.parsePath(endpoint.path())));
					if (!listed) {
						missing.add(method + " " + pattern.getPatternString());
					}
				}
			}
		});
		assertThat(missing).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1} anonymous → 401")
	@MethodSource("anonymousCalls")
	void anonymousCallsAreRefused(HttpMethod method, String path) {
		call(method, path, null).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNAUTHORIZED");
	}

	@ParameterizedTest(name = "{0} {1} as {2} → 403")
	@MethodSource("refusedRoles")
	void otherRolesAreRefused(HttpMethod method, String path, Role role) {
		call(method, path, role).expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("FORBIDDEN");
	}

	@ParameterizedTest(name = "{0} {1} as {2} → let through")
	@MethodSource("allowedRoles")
	void theRoleIsLetThrough(HttpMethod method, String path, Role role) {
		HttpStatus status = HttpStatus.valueOf(call(method, path, role).returnResult(byte[].class).getStatus().value());
		assertThat(status).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN, HttpStatus.INTERNAL_SERVER_ERROR);
	}

	private WebTestClient.ResponseSpec call(HttpMethod method, String path, Role role) {
		WebTestClient.RequestBodySpec request = this.client.method(method)
			.uri(path)
			.header("X-Requested-With", "XMLHttpRequest")
			.headers((headers) -> {
				if (role != null) {
					headers.setBasicAuth(username(role), password(role));
				}
			});
		if (method == HttpMethod.POST || method == HttpMethod.PUT) {
			return request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
		}
		return request.exchange();
	}

	static String username(Role role) {
		return role.name().toLowerCase(java.util.Locale.ROOT);
	}

	static String password(Role role) {
		return switch (role) {
			case ORGANIZER -> IntegrationTest.ORGANIZER_PASSWORD;
			case COMMITTEE -> IntegrationTest.COMMITTEE_PASSWORD;
			case ADMIN -> IntegrationTest.ADMIN_PASSWORD;
		};
	}

	record Endpoint(HttpMethod method, String path, Set<Role> allowed) {
	}

}
