package org.civiquiz.contest.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civiquiz.IntegrationTest;
import org.civiquiz.exam.ExamFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organizers create and edit contests with their rounds and units; what is in use stays.
 */
@IntegrationTest
class AdminContestIntegrationTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Test
	void anOrganizerCreatesADraftAndPublishesItAfterEditing() {
		Map<String, Object> form = form("quan-le-chan-2026");
		organizer().post()
			.uri("/api/admin/contests")
			.bodyValue(form)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.location("/api/admin/contests/quan-le-chan-2026")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DRAFT")
			.jsonPath("$.rounds[*].name")
			.isEqualTo(List.of("Tuần 1", "Tuần 2"))
			.jsonPath("$.units[1].parentCode")
			.isEqualTo("LC");
		// a draft is for organizers only
		this.client.get().uri("/api/contests/quan-le-chan-2026").exchange().expectStatus().isNotFound();
		organizer().get()
			.uri("/api/admin/contests")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.slug == 'quan-le-chan-2026')].status")
			.isEqualTo(List.of("DRAFT"));
		organizer().post()
			.uri("/api/admin/contests")
			.bodyValue(form)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CONTEST_EXISTS");

		// rename a round, add one, drop a unit nobody chose, give a headcount, publish
		form.put("status", "OPEN");
		form.put("title", "Cuộc thi tìm hiểu Luật Hợp tác xã — quận Lê Chân");
		form.put("closesAt", NOW.plus(Duration.ofDays(21)).toString());
		form.put("rounds",
				List.of(round(1, "Tuần thứ nhất", 0, 7), round(2, "Tuần 2", 7, 14), round(3, "Tuần 3", 14, 21)));
		form.put("units",
				List.of(unit("LC", "Quận Lê Chân", null, null), unit("LC-HTX1", "HTX Dịch vụ Lê Chân", "LC", 120)));
		organizer().put()
			.uri("/api/admin/contests/quan-le-chan-2026")
			.bodyValue(form)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rounds[*].name")
			.isEqualTo(List.of("Tuần thứ nhất", "Tuần 2", "Tuần 3"))
			.jsonPath("$.units[*].code")
			.isEqualTo(List.of("LC", "LC-HTX1"))
			.jsonPath("$.units[1].headcount")
			.isEqualTo(120);
		this.client.get()
			.uri("/api/contests/quan-le-chan-2026")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Cuộc thi tìm hiểu Luật Hợp tác xã — quận Lê Chân")
			.jsonPath("$.rounds.length()")
			.isEqualTo(3);
	}

	@Test
	void aRoundOrUnitInUseCannotBeRemovedAndNothingChanges() {
		Map<String, Object> form = form("dang-dung");
		form.put("status", "OPEN");
		organizer().post().uri("/api/admin/contests").bodyValue(form).exchange().expectStatus().isCreated();
		Map<String, Object> registration = ExamFixtures.registration(ExamFixtures.newPhone());
		registration.put("unitCode", "LC-HTX1");
		registration.put("district", "Quận Lê Chân");
		ExamFixtures.start(this.client, "dang-dung", registration).expectStatus().isCreated();

		Map<String, Object> withoutRoundOne = new HashMap<>(form);
		withoutRoundOne.put("title", "Đổi tên");
		withoutRoundOne.put("rounds", List.of(round(2, "Tuần 2", 7, 14)));
		Map<String, Object> withoutTheUnit = new HashMap<>(form);
		withoutTheUnit.put("title", "Đổi tên");
		withoutTheUnit.put("units", List.of(unit("LC", "Quận Lê Chân", null, null)));
		for (Map<String, Object> change : List.of(withoutRoundOne, withoutTheUnit)) {
			organizer().put()
				.uri("/api/admin/contests/dang-dung")
				.bodyValue(change)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.CONFLICT)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("CONTEST_IN_USE");
		}
		organizer().get()
			.uri("/api/admin/contests/dang-dung")
			.exchange()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo(form.get("title"))
			.jsonPath("$.rounds.length()")
			.isEqualTo(2)
			.jsonPath("$.units.length()")
			.isEqualTo(3);
	}

	@Test
	void aBadFormNamesEveryFieldAtFaultAndStoresNothing() {
		Map<String, Object> form = form("Sai Mã!");
		form.put("closesAt", NOW.minus(Duration.ofDays(1)).toString());
		form.put("timeLimitMinutes", 0);
		form.put("rounds", List.of(round(1, "Tuần 1", 0, 7), round(2, "", 5, 9)));
		form.put("units", List.of(unit("LC", "Quận Lê Chân", null, null), unit("LC", "Trùng mã", "XX", -1)));
		organizer().post()
			.uri("/api/admin/contests")
			.bodyValue(form)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VALIDATION_FAILED")
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("slug", "closesAt", "timeLimitMinutes", "rounds[1].name", "rounds", "units[1].code",
					"units[1].parentCode", "units[1].headcount"));
		organizer().put()
			.uri("/api/admin/contests/{slug}", IntegrationTest.CONTEST)
			.bodyValue(form("another-slug"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("SLUG_FIXED");
		assertThat(this.database.sql("select count(*) from contest where slug = 'Sai Mã!'")
			.map((row, meta) -> row.get(0, Long.class))
			.one()
			.block()).isZero();
	}

	@Test
	void onlyOrganizersAndTheAdminChangeContests() {
		as("committee", IntegrationTest.COMMITTEE_PASSWORD).post()
			.uri("/api/admin/contests")
			.bodyValue(form("committee-try"))
			.exchange()
			.expectStatus()
			.isForbidden();
		as("committee", IntegrationTest.COMMITTEE_PASSWORD).put()
			.uri("/api/admin/contests/{slug}", IntegrationTest.CONTEST)
			.bodyValue(form(IntegrationTest.CONTEST))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get().uri("/api/admin/contests").exchange().expectStatus().isUnauthorized();
		// everyone with a role reads them (the committee picks its rounds there)
		as("committee", IntegrationTest.COMMITTEE_PASSWORD).get()
			.uri("/api/admin/contests/{slug}", IntegrationTest.CONTEST)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rounds.length()")
			.isEqualTo(8);
		as("admin", IntegrationTest.ADMIN_PASSWORD).post()
			.uri("/api/admin/contests")
			.bodyValue(form("admin-made"))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private static Map<String, Object> form(String slug) {
		Map<String, Object> form = new HashMap<>();
		form.put("slug", slug);
		form.put("title", "Tìm hiểu Luật Hợp tác xã");
		form.put("law", "Luật Hợp tác xã số 17/2023/QH15");
		form.put("description", "Dành cho cán bộ, hội viên quận Lê Chân.");
		form.put("rules", "20 câu, 20 phút, 3 lượt mỗi tuần.");
		form.put("questionBank", IntegrationTest.CONTEST);
		form.put("opensAt", NOW.minus(Duration.ofHours(1)).toString());
		form.put("closesAt", NOW.plus(Duration.ofDays(14)).toString());
		form.put("timeLimitMinutes", 20);
		form.put("questionsPerAttempt", 20);
		form.put("maxAttemptsPerRound", 3);
		form.put("chapterQuotas", Map.of("1", 3, "2", 2));
		form.put("predictionQuestion", "Tuần này có bao nhiêu bài thi đạt 20/20?");
		form.put("districts", List.of("Quận Lê Chân"));
		form.put("status", "DRAFT");
		form.put("rounds", List.of(round(1, "Tuần 1", 0, 7), round(2, "Tuần 2", 7, 14)));
		form.put("units",
				new ArrayList<>(List.of(unit("LC", "Quận Lê Chân", null, null),
						unit("LC-HTX1", "HTX Dịch vụ Lê Chân", "LC", null),
						unit("LC-HTX2", "HTX Nông nghiệp An Dương", "LC", 40))));
		return form;
	}

	/** A round from {@code from} to {@code to} days after an hour ago. */
	private static Map<String, Object> round(int number, String name, int from, int to) {
		Instant start = NOW.minus(Duration.ofHours(1));
		return Map.of("number", number, "name", name, "opensAt", start.plus(Duration.ofDays(from)).toString(),
				"closesAt", start.plus(Duration.ofDays(to)).toString());
	}

	private static Map<String, Object> unit(String code, String name, String parent, Integer headcount) {
		Map<String, Object> unit = new HashMap<>();
		unit.put("code", code);
		unit.put("name", name);
		unit.put("parentCode", parent);
		unit.put("headcount", headcount);
		return unit;
	}

	private WebTestClient organizer() {
		return as("organizer", IntegrationTest.ORGANIZER_PASSWORD);
	}

	private WebTestClient as(String user, String password) {
		return this.client.mutate().defaultHeaders((headers) -> headers.setBasicAuth(user, password)).build();
	}

}
