package org.civiquiz.question;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewContest;
import org.civiquiz.contest.ContestStatus;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
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
			.doesNotExist("WWW-Authenticate")
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
		asOrganizer("/questions", IntegrationTest.CONTEST).expectStatus()
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
		asOrganizer("/questions", slug).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[1].text")
			.isEqualTo("Câu hỏi hai (sửa)?")
			.jsonPath("$[1].correctOption")
			.isEqualTo(2);
	}

	@Test
	void answersGivenAwayByTheOptionsAreWarnedOfButImported() {
		String slug = newContest("import-cues");
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 1; i <= 8; i++) {
			// the correct value always the second largest
			csv.append("N%d,1,1,Câu hỏi số %d bao nhiêu ngày?,%d ngày,%d ngày,%d ngày,%d ngày,A,Điều 1\n".formatted(i,
					i, 10 + i, 30 + i, 5 + i, 2 + i));
		}
		csv.append("W1,1,2,Ai được làm việc này?,Chỉ Giám đốc,Luôn là Ban kiểm soát,Hội đồng quản trị,"
				+ "Mọi thành viên,C,Điều 2\n");
		importCsv(slug, csv.toString()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.imported")
			.isEqualTo(9)
			.jsonPath("$.warnings[*].code")
			.isEqualTo(List.of("NUMERIC_KEY_RANK_SKEW", "ABSOLUTE_WORD_CUE"))
			.jsonPath("$.warnings[0].figures.secondLargest")
			.isEqualTo(8)
			.jsonPath("$.warnings[0].figures.largest")
			.isEqualTo(0)
			.jsonPath("$.warnings[0].questions.length()")
			.isEqualTo(8)
			.jsonPath("$.warnings[1].questions")
			.isEqualTo(List.of("W1"));
		assertThat(questionsIn("bank-import-cues")).isEqualTo(9);
	}

	@Test
	void theShippedBankGivesNoAnswerAway() throws IOException {
		String slug = newContest("import-shipped");
		byte[] shipped;
		try (InputStream in = new ClassPathResource("questions/luat-htx-2023.csv").getInputStream()) {
			shipped = in.readAllBytes();
		}
		importCsv(slug, new String(shipped, StandardCharsets.UTF_8)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.imported")
			.value((Integer imported) -> assertThat(imported).isGreaterThanOrEqualTo(180))
			.jsonPath("$.warnings")
			.isEmpty();
	}

	@Test
	void aSpreadsheetImportsLikeTheCsvAndItsProblemsNameTheSheetsRows() throws IOException {
		String slug = newContest("import-xlsx");
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("code", "chapter", "article", "text", "option_a", "option_b", "option_c", "option_d",
				"correct", "explanation"));
		rows.add(List.of("X1", 1, 5, "Hợp tác xã được thành lập khi có ít nhất bao nhiêu thành viên chính thức?", "5",
				"3", "7", "10", "A", "Điều 5"));
		rows.add(List.of());
		rows.add(List.of("X2", 2, 30, "Câu hỏi hai?", "A2", "B2", "C2", "D2", "Q", ""));
		importXlsx(slug, xlsx(rows)).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("line 4: correct"));
		assertThat(questionsIn("bank-import-xlsx")).isZero();

		rows.set(3, List.of("X2", 2, 30, "Câu hỏi hai?", "A2", "B2", "C2", "D2", "d"));
		importXlsx(slug, xlsx(rows)).expectStatus().isOk().expectBody().jsonPath("$.imported").isEqualTo(2);
		asOrganizer("/questions", slug).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].text")
			.isEqualTo("Hợp tác xã được thành lập khi có ít nhất bao nhiêu thành viên chính thức?")
			.jsonPath("$[0].article")
			.isEqualTo(5)
			.jsonPath("$[1].correctOption")
			.isEqualTo(4);

		importXlsx(slug, "not a workbook".getBytes(StandardCharsets.UTF_8)).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("XLSX_MALFORMED");
	}

	@Test
	void thePreviewDrawsUnderTheContestsQuotasWithTheAnswers() {
		asOrganizer("/questions/draw-preview", IntegrationTest.CONTEST).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(20)
			.jsonPath("$[*].correctOption")
			.value((List<Integer> options) -> assertThat(options).allMatch((option) -> option >= 1 && option <= 4))
			// the seeded contest asks for at least three questions of chapter 1
			.jsonPath("$[?(@.chapter == 1)].code")
			.value((List<String> codes) -> assertThat(codes).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates())
			// and four of chapter V, governance, a fifth of the law
			.jsonPath("$[?(@.chapter == 5)].code")
			.value((List<String> codes) -> assertThat(codes).hasSizeGreaterThanOrEqualTo(4));
		this.client.get()
			.uri("/api/admin/contests/{slug}/questions/draw-preview", IntegrationTest.CONTEST)
			.headers((h) -> h.setBasicAuth("committee", IntegrationTest.COMMITTEE_PASSWORD))
			.exchange()
			.expectStatus()
			.isForbidden();
		String empty = newContest("preview-empty");
		asOrganizer("/questions/draw-preview", empty).expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("QUESTION_BANK_INSUFFICIENT");
	}

	private WebTestClient.ResponseSpec asOrganizer(String path, String slug) {
		return this.client.get()
			.uri("/api/admin/contests/{slug}" + path, slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange();
	}

	private WebTestClient.ResponseSpec importXlsx(String slug, byte[] xlsx) {
		return this.client.post()
			.uri("/api/admin/contests/{slug}/questions", slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.contentType(MediaType.parseMediaType(AdminQuestionController.XLSX))
			.bodyValue(xlsx)
			.exchange();
	}

	/**
	 * A workbook of one sheet; numbers stay numbers, as a spreadsheet program saves them.
	 */
	private static byte[] xlsx(List<List<Object>> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Test", "1.0");
		Worksheet sheet = workbook.newWorksheet("Câu hỏi");
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < rows.get(r).size(); c++) {
				Object value = rows.get(r).get(c);
				if (value instanceof Number number) {
					sheet.value(r, c, number);
				}
				else {
					sheet.value(r, c, (String) value);
				}
			}
		}
		workbook.finish();
		return out.toByteArray();
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
