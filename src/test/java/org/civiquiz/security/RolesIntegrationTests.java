package org.civiquiz.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every staff endpoint, called anonymously and with each role: refused with 401 or 403
 * where it must be, let through (to a missing contest, so nothing changes) where it may.
 * Every endpoint of a contest, called by accounts scoped to another contest: 404 exactly
 * as for a contest that does not exist; and by accounts limited to some units of the
 * contest: let through where it answers for those units only ({@link #FOR_UNITS}), 403
 * {@code WHOLE_CONTEST_REQUIRED} everywhere else.
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
			new Endpoint(HttpMethod.POST, "/api/admin/contests/" + NONE + "/questions/articles", ORGANIZERS),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE + "/item-analysis", STAFF),
			new Endpoint(HttpMethod.GET, "/api/admin/contests/" + NONE + "/waiting-room", STAFF),
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

	/**
	 * What an account limited to some units of a contest may call (the endpoints that
	 * answer for its units only); any other endpoint of the contest needs the whole
	 * contest.
	 */
	private static final List<String> FOR_UNITS = List.of("GET /api/admin/contests/" + NONE,
			"GET /api/admin/contests/" + NONE + "/stats", "GET /api/admin/contests/" + NONE + "/stats/stream",
			"GET /api/admin/contests/" + NONE + "/integrity-flags", "GET /api/admin/contests/" + NONE + "/exclusions",
			"PUT /api/admin/contests/" + NONE + "/exclusions/00000000-0000-0000-0000-000000000000",
			"DELETE /api/admin/contests/" + NONE + "/exclusions/00000000-0000-0000-0000-000000000000");

	/**
	 * The scoped accounts' contest; the accounts scoped elsewhere are scoped to the
	 * reference contest.
	 */
	private static String scopedContest;

	/** Role → an account of that role scoped to the reference contest only. */
	private static final Map<Role, String> elsewhere = new EnumMap<>(Role.class);

	/** Role → an account of that role limited to unit U1 of {@link #scopedContest}. */
	private static final Map<Role, String> unitScoped = new EnumMap<>(Role.class);

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@BeforeEach
	void scopedAccounts() {
		if (scopedContest != null) {
			return;
		}
		String slug = ContestFixtures.openContest(this.contests, "pham-vi-" + System.nanoTime() % 1_000_000,
				List.of("D1"),
				List.of(new NewUnit("U1", "Đơn vị một", null, null), new NewUnit("U2", "Đơn vị hai", null, null)));
		for (Role role : List.of(Role.ORGANIZER, Role.COMMITTEE)) {
			elsewhere.put(role, StaffFixtures.account(this.client, "elsewhere", role,
					StaffFixtures.scope(Map.of(IntegrationTest.CONTEST, List.of()))));
			unitScoped.put(role,
					StaffFixtures.account(this.client, "unit", role, StaffFixtures.scope(Map.of(slug, List.of("U1")))));
		}
		scopedContest = slug;
	}

	/** Each endpoint of one contest, with each role of scoped accounts it admits. */
	static Stream<Arguments> contestEndpoints() {
		return ENDPOINTS.stream()
			.filter((endpoint) -> endpoint.path().startsWith("/api/admin/contests/" + NONE))
			.flatMap((endpoint) -> endpoint.allowed()
				.stream()
				.filter((role) -> role != Role.ADMIN)
				.map((role) -> Arguments.of(endpoint.method(), endpoint.path(), role)));
	}

	@ParameterizedTest(name = "{0} {1} as {2} scoped elsewhere → 404 as if missing")
	@MethodSource("contestEndpoints")
	void aContestOutsideTheScopeIsNotFound(HttpMethod method, String path, Role role) {
		String username = elsewhere.get(role);
		String other = path.replace(NONE, scopedContest);
		byte[] outside = call(method, other, username, StaffFixtures.PASSWORD).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CONTEST_NOT_FOUND")
			.returnResult()
			.getResponseBody();
		// the same words as for a contest that does not exist: nothing tells them apart
		byte[] missing = call(method, path, username, StaffFixtures.PASSWORD).expectStatus()
			.isNotFound()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(new String(outside, StandardCharsets.UTF_8).replace(scopedContest, NONE))
			.isEqualTo(new String(missing, StandardCharsets.UTF_8));
		// and as an account that sees every contest is told of a missing one
		EntityExchangeResult<byte[]> unscoped = call(method, path, username(role), password(role)).expectBody()
			.returnResult();
		if (unscoped.getStatus().value() == 404) {
			assertThat(new String(missing, StandardCharsets.UTF_8))
				.isEqualTo(new String(unscoped.getResponseBody(), StandardCharsets.UTF_8));
		}
	}

	@ParameterizedTest(name = "{0} {1} as {2} limited to a unit → for its units, or 403")
	@MethodSource("contestEndpoints")
	void aUnitScopedAccountGetsOnlyWhatAnswersForItsUnits(HttpMethod method, String path, Role role) {
		String other = path.replace(NONE, scopedContest);
		WebTestClient.ResponseSpec response = call(method, other, unitScoped.get(role), StaffFixtures.PASSWORD);
		if (FOR_UNITS.contains(method.name() + " " + path)) {
			FluxExchangeResult<String> result = response.returnResult(String.class);
			assertThat(result.getStatus().value()).isNotIn(401, 403, 500);
			// the stream goes on: its first event is enough
			String first = result.getResponseBody().take(1).blockLast(Duration.ofSeconds(20));
			assertThat(String.valueOf(first)).doesNotContain("CONTEST_NOT_FOUND");
		}
		else {
			response.expectStatus()
				.isForbidden()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("WHOLE_CONTEST_REQUIRED");
		}
	}

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
		return (role != null) ? call(method, path, username(role), password(role)) : call(method, path, null, null);
	}

	private WebTestClient.ResponseSpec call(HttpMethod method, String path, String username, String password) {
		WebTestClient.RequestBodySpec request = this.client.method(method)
			.uri(path)
			.header("X-Requested-With", "XMLHttpRequest")
			.headers((headers) -> {
				if (username != null) {
					headers.setBasicAuth(username, password);
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
