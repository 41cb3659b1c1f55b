package org.civiquiz.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff scopes as the admin grants them and as a scoped account meets them: its list of
 * contests, the contests it creates, and the integrity flags and exclusions of its units.
 */
@IntegrationTest
class ScopesIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Test
	void theAdminGrantsChangesAndLiftsAScope() {
		String slug = contest();
		String username = StaffFixtures.account(this.client, "to-chuc-tinh", Role.ORGANIZER,
				StaffFixtures.scope(Map.of(slug, List.of("P"))));

		this.client.get()
			.uri("/api/session")
			.headers((headers) -> headers.setBasicAuth(username, StaffFixtures.PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.scope.contests[0].slug")
			.isEqualTo(slug)
			.jsonPath("$.scope.contests[0].units[0]")
			.isEqualTo("P");
		StaffFixtures.asAdmin(this.client.get().uri("/api/admin/accounts"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.username == '%s')].scope.contests[0].units[0]".formatted(username))
			.isEqualTo("P");

		// the whole contest, then every contest
		change(username, Map.of("scope", StaffFixtures.scope(Map.of(slug, List.of())))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.scope.contests[0].units")
			.isEmpty();
		change(username, Map.of("scope", Map.of())).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.value((account) -> assertThat(account).doesNotContainKey("scope"));
		// the scope stays when it is not named
		change(username, Map.of("scope", StaffFixtures.scope(Map.of(slug, List.of("Q"))))).expectStatus().isOk();
		change(username, Map.of("enabled", true)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.scope.contests[0].units[0]")
			.isEqualTo("Q");
		// an admin sees every contest: promoted, the scope goes
		change(username, Map.of("role", "ADMIN")).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.value((account) -> assertThat(account).doesNotContainKey("scope"));
	}

	@Test
	void aScopeNamesContestsAndUnitsThatExistOnce() {
		String slug = contest();
		Map<String, Object> body = new HashMap<>(Map.of("username", "sai-pham-vi-" + System.nanoTime() % 1_000_000,
				"role", "ORGANIZER", "password", StaffFixtures.PASSWORD));
		body.put("scope", Map.of("contests", List.of(Map.of("slug", "khong-co-cuoc-thi"),
				Map.of("slug", slug, "units", List.of("P", "KHONG-CO", "P")), Map.of("slug", slug))));
		StaffFixtures.asAdmin(this.client.post().uri("/api/admin/accounts"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("scope.contests[0].slug")
			.jsonPath("$.errors[0].code")
			.isEqualTo("CONTEST_UNKNOWN")
			.jsonPath("$.errors[1].field")
			.isEqualTo("scope.contests[1].units[1]")
			.jsonPath("$.errors[1].code")
			.isEqualTo("UNIT_UNKNOWN")
			.jsonPath("$.errors[2].field")
			.isEqualTo("scope.contests[1].units[2]")
			.jsonPath("$.errors[2].code")
			.isEqualTo("SCOPE_DUPLICATE")
			.jsonPath("$.errors[3].field")
			.isEqualTo("scope.contests[2].slug")
			.jsonPath("$.errors[3].code")
			.isEqualTo("SCOPE_DUPLICATE");

		body.put("role", "ADMIN");
		body.put("scope", StaffFixtures.scope(Map.of(slug, List.of())));
		StaffFixtures.asAdmin(this.client.post().uri("/api/admin/accounts"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("SCOPE_NOT_FOR_ADMIN");
	}

	@Test
	void aScopedOrganizerListsItsContestsAndWhatItCreatesEntersItsScope() {
		String mine = contest();
		String notMine = contest();
		String username = StaffFixtures.account(this.client, "to-chuc-so", Role.ORGANIZER,
				StaffFixtures.scope(Map.of(mine, List.of())));
		assertThat(slugs(username)).containsExactly(mine);

		String created = "cuoc-thi-moi-" + System.nanoTime() % 1_000_000;
		Map<String, Object> form = new HashMap<>(this.client.get()
			.uri("/api/admin/contests/{slug}", mine)
			.headers((headers) -> headers.setBasicAuth(username, StaffFixtures.PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody());
		form.remove("bankPublic");
		form.remove("warnings");
		form.put("slug", created);
		form.put("status", "DRAFT");
		this.client.post()
			.uri("/api/admin/contests")
			.headers((headers) -> headers.setBasicAuth(username, StaffFixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(form)
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(slugs(username)).containsExactlyInAnyOrder(mine, created);
		this.client.get()
			.uri("/api/admin/contests/{slug}", created)
			.headers((headers) -> headers.setBasicAuth(username, StaffFixtures.PASSWORD))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/api/admin/contests/{slug}", notMine)
			.headers((headers) -> headers.setBasicAuth(username, StaffFixtures.PASSWORD))
			.exchange()
			.expectStatus()
			.isNotFound();
		// an organizer who sees every contest lists them all
		assertThat(slugs("organizer")).contains(mine, notMine, created, IntegrationTest.CONTEST);
	}

	@Test
	void aUnitScopedCommitteeSeesTheFlagsAndExclusionsOfItsUnits() {
		String slug = contest();
		Map<Long, BankQuestion> bank = ExamFixtures.bank(this.client);
		// both too fast for their score; P1 is under P
		UUID inP1 = fastAttempt(slug, "P1", bank);
		UUID inQ = fastAttempt(slug, "Q", bank);
		String username = StaffFixtures.account(this.client, "hoi-dong-p", Role.COMMITTEE,
				StaffFixtures.scope(Map.of(slug, List.of("P"))));
		for (UUID attempt : List.of(inP1, inQ)) {
			exclude("committee", IntegrationTest.COMMITTEE_PASSWORD, slug, attempt).expectStatus().isNoContent();
		}

		this.client.get()
			.uri("/api/admin/contests/{slug}/integrity-flags", slug)
			.headers((headers) -> headers.setBasicAuth(username, StaffFixtures.PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.flags[*].attemptId")
			.isEqualTo(List.of(inP1.toString()))
			.jsonPath("$.summary.TOO_FAST")
			.isEqualTo(1)
			.jsonPath("$.flaggedAttempts")
			.isEqualTo(1);
		this.client.get()
			.uri("/api/admin/contests/{slug}/integrity-flags", slug)
			.headers((headers) -> headers.setBasicAuth("committee", IntegrationTest.COMMITTEE_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.summary.TOO_FAST")
			.isEqualTo(2);
		this.client.get()
			.uri("/api/admin/contests/{slug}/exclusions", slug)
			.headers((headers) -> headers.setBasicAuth(username, StaffFixtures.PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].attemptId")
			.isEqualTo(List.of(inP1.toString()));
		// another unit's attempt is not found; its own unit's is decided
		exclude(username, StaffFixtures.PASSWORD, slug, inQ).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ATTEMPT_NOT_FOUND");
		this.client.delete()
			.uri("/api/admin/contests/{slug}/exclusions/{id}", slug, inQ)
			.headers((headers) -> headers.setBasicAuth(username, StaffFixtures.PASSWORD))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.delete()
			.uri("/api/admin/contests/{slug}/exclusions/{id}", slug, inP1)
			.headers((headers) -> headers.setBasicAuth(username, StaffFixtures.PASSWORD))
			.exchange()
			.expectStatus()
			.isNoContent();
		// and the contest's own lists stay the committee's who see the whole contest
		this.client.get()
			.uri("/api/admin/contests/{slug}/winners", slug)
			.headers((headers) -> headers.setBasicAuth(username, StaffFixtures.PASSWORD))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("WHOLE_CONTEST_REQUIRED");
	}

	/** A contest with units P, P1 (under P) and Q. */
	private String contest() {
		return ContestFixtures.openContest(this.contests, "pham-vi-" + System.nanoTime() % 1_000_000, List.of("D1"),
				List.of(new NewUnit("P", "Sở Tư pháp", null, null), new NewUnit("P1", "Phòng Phổ biến", "P", null),
						new NewUnit("Q", "Sở Nội vụ", null, null)));
	}

	private List<String> slugs(String username) {
		String password = "organizer".equals(username) ? IntegrationTest.ORGANIZER_PASSWORD : StaffFixtures.PASSWORD;
		List<Map<String, Object>> list = this.client.get()
			.uri("/api/admin/contests")
			.headers((headers) -> headers.setBasicAuth(username, password))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		return list.stream().map((contest) -> (String) contest.get("slug")).toList();
	}

	private WebTestClient.ResponseSpec change(String username, Map<String, Object> change) {
		return StaffFixtures.asAdmin(this.client.put().uri("/api/admin/accounts/{username}", username))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(change)
			.exchange();
	}

	private WebTestClient.ResponseSpec exclude(String username, String password, String slug, UUID attempt) {
		return this.client.put()
			.uri("/api/admin/contests/{slug}/exclusions/{id}", slug, attempt)
			.headers((headers) -> headers.setBasicAuth(username, password))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Nộp 20 câu trong vài giây"))
			.exchange();
	}

	/** An attempt of the unit with every answer right, submitted at once. */
	private UUID fastAttempt(String slug, String unit, Map<Long, BankQuestion> bank) {
		Map<String, Object> registration = new HashMap<>(ExamFixtures.registration(ExamFixtures.newPhone()));
		registration.put("unitCode", unit);
		registration.put("district", "D1");
		AttemptStarted attempt = ExamFixtures.started(ExamFixtures.start(this.client, slug, registration)
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, bank, 20, 0, 1L)).expectStatus().isOk();
		return attempt.attemptId();
	}

}
