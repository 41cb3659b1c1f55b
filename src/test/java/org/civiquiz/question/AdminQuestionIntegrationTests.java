package org.civiquiz.question;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewContest;
import org.civiquiz.contest.ContestStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer's question bank: only organizers (and the admin) see correct answers; the
 * importer is all or nothing.
 */
@IntegrationTest
class AdminQuestionIntegrationTests {

	private static final String HEADER = "code,chapter,article,text,option_a,option_b,option_c,option_d,correct,explanation\n";

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private DatabaseClient database;

	@Test
	void onlyOrganizersAndTheAdminSeeTheBank() {
		this.client.get()
			.uri("/api/admin/contests/{slug}/questions", IntegrationTest.CONTEST)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Basic realm=\"Civiquiz\"")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNAUTHORIZED");
		this.client.get()
			.uri("/api/admin/contests/{slug}/questions", IntegrationTest.CONTEST)
			.headers((h) -> h.setBasicAuth("organizer", "wrong-password"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get()
			.uri("/api/admin/contests/{slug}/questions", IntegrationTest.CONTEST)
			.headers((h) -> h.setBasicAuth("committee", IntegrationTest.COMMITTEE_PASSWORD))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("FORBIDDEN");
		this.client.get()
			.uri("/api/admin/contests/{slug}/questions", IntegrationTest.CONTEST)
			.headers((h) -> h.setBasicAuth("admin", IntegrationTest.ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/api/admin/contests/{slug}/questions", IntegrationTest.CONTEST)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.value((Integer size) -> assertThat(size).isGreaterThanOrEqualTo(150))
			.jsonPath("$[0].correctOption")
			.isNumber()
			.jsonPath("$[0].article")
			.isNumber();
	}

	@Test
	void aFileWithABadRowImportsNothingAndListsEveryProblem() {
		String slug = newContest("import-rejected");
		String csv = HEADER + "Q1,1,1,Câu hỏi một?,A1,B1,C1,D1,A,Điều 1\n"
				+ "Q2,1,1,Câu hỏi hai?,A2,A2,C2,D2,Z,Điều 1\n";
		importCsv(slug, csv).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("QUESTION_IMPORT_REJECTED")
			.jsonPath("$.errors[0].field")
			.isEqualTo("line 3: option_b")
			.jsonPath("$.errors[1].field")
			.isEqualTo("line 3: correct");
		assertThat(questionsIn("bank-import-rejected")).isZero();
	}

	@Test
	void aGoodFileIsImportedAndAReimportReplacesByCode() {
		String slug = newContest("import-ok");
		importCsv(slug,
				HEADER + "Q1,1,1,Câu hỏi một?,A1,B1,C1,D1,A,Điều 1\n" + "Q2,2,20,Câu hỏi hai?,A2,B2,C2,D2,d,Điều 20\n")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.imported")
			.isEqualTo(2);
		importCsv(slug, HEADER + "Q2,2,20,Câu hỏi hai (sửa)?,A2,B2,C2,D2,B,Điều 20\n").expectStatus().isOk();
		assertThat(questionsIn("bank-import-ok")).isEqualTo(2);
		this.client.get()
			.uri("/api/admin/contests/{slug}/questions", slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[1].text")
			.isEqualTo("Câu hỏi hai (sửa)?")
			.jsonPath("$[1].correctOption")
			.isEqualTo(2);
	}

	private WebTestClient.ResponseSpec importCsv(String slug, String csv) {
		return this.client.post()
			.uri("/api/admin/contests/{slug}/questions", slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(csv.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private String newContest(String slug) {
		Instant now = Instant.now();
		this.contests
			.create(new NewContest(slug, "Test", "Law", "", "", "bank-" + slug, now.minusSeconds(60),
					now.plus(Duration.ofDays(1)), Duration.ofMinutes(10), 20, 1, Map.of(), "How many?", List.of(),
					ContestStatus.DRAFT), List.of(), List.of())
			.block();
		return slug;
	}

	private long questionsIn(String bank) {
		return this.database.sql("select count(*) from question where bank = :bank")
			.bind("bank", bank)
			.map((r, m) -> r.get(0, Long.class))
			.one()
			.block();
	}

}
