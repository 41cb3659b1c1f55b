package org.civiquiz.award;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.civiquiz.IntegrationTest;
import org.civiquiz.award.export.WinnersTable;
import org.civiquiz.award.web.AwardController;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.question.BankQuestion;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finalization, freezing and exports over HTTP, on contests of their own whose attempts
 * are made through the exam API and then given exact figures in PostgreSQL.
 */
@IntegrationTest
class AwardIntegrationTests {

	private static final AtomicInteger contestNumber = new AtomicInteger();

	private static final List<NewUnit> UNITS = List.of(new NewUnit("U1", "Hợp tác xã Nông nghiệp Đồng Tâm", null, 40),
			new NewUnit("U2", "Liên minh Hợp tác xã quận Hồng Bàng", null, 3),
			new NewUnit("U3", "Đơn vị chưa rõ", null, null));

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private DatabaseClient database;

	private Map<Long, BankQuestion> bank;

	private String slug;

	/** Rows of this test's contest, in a table with a {@code contest_id}. */
	private String own;

	/** This test's contest, joined as {@code c}. */
	private String ownContest;

	@BeforeEach
	void newContest() {
		this.bank = ExamFixtures.bank(this.client);
		this.slug = ContestFixtures.openContest(this.contests, "award-" + contestNumber.incrementAndGet(),
				List.of("Quận Hồng Bàng", "Huyện Thủy Nguyên"), UNITS);
		this.own = "contest_id = (select id from contest where slug = '" + this.slug + "')";
		this.ownContest = "c.slug = '" + this.slug + "'";
	}

	@Test
	void theCommitteeFreezesTheRoundsWinnersWithTheReasonForEachRank() {
		setPlan(standardPlan()).expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(1);
		// four attempts with every answer right (one of them excluded): the actual value
		// is 4
		UUID second = attempt("Nguyễn Văn An", "U1", 20, 4L, 300_000, 10);
		UUID first = attempt("Trần Thị Bình", "U1", 20, 4L, 250_000, 20);
		UUID third = attempt("Lê Hoàng Cường", "U2", 20, 11L, 100_000, 5);
		UUID fourth = attempt("Phạm Thị Dung", "U2", 19, 4L, 200_000, 30);
		attempt("Hoàng Văn Em", "U1", 19, 4L, 200_000, 31);
		UUID excluded = attempt("Vũ Thị Phương", "U3", 20, 4L, 60_000, 1);
		committee().put()
			.uri("/api/admin/contests/{slug}/exclusions/{id}", this.slug, excluded)
			.bodyValue(Map.of("reason", "Nộp bài sau 60 giây cho 20 câu: không thể đọc kịp"))
			.exchange()
			.expectStatus()
			.isNoContent();

		finalizeRound().expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("AWARD_SCOPE_NOT_CLOSED");
		closeRound();
		finalizeRound().expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.actualPrediction")
			.isEqualTo(4)
			.jsonPath("$.ranked")
			.isEqualTo(5)
			.jsonPath("$.ruleRevision")
			.isEqualTo(1)
			.jsonPath("$.finalizedBy")
			.isEqualTo("committee")
			.jsonPath("$.winners[*].attemptId")
			.isEqualTo(List.of(first.toString(), second.toString(), third.toString(), fourth.toString()))
			.jsonPath("$.winners[*].prize")
			.isEqualTo(List.of("Giải Nhất", "Giải Nhì", "Giải Nhì", "Giải Ba"))
			.jsonPath("$.winners[*].rankReason")
			.isEqualTo(List.of("DURATION", "PREDICTION", "SCORE", "SUBMITTED_AT"))
			.jsonPath("$.winners[2].predictionDistance")
			.isEqualTo(7)
			.jsonPath("$.winners[0].fullName")
			.isEqualTo("Trần Thị Bình")
			.jsonPath("$.winners[0].phone")
			.value((phone) -> assertThat((String) phone).startsWith("+849"))
			.jsonPath("$.excluded[0].attemptId")
			.isEqualTo(excluded.toString())
			.jsonPath("$.excluded[0].reason")
			.isEqualTo("Nộp bài sau 60 giây cho 20 câu: không thể đọc kịp")
			// U1 and U2 have 2 people each (U3's only attempt is excluded): U1 by code;
			// by rate U2 (2 of 3) beats U1 (2 of 40)
			.jsonPath("$.unitPrizes[*].unitCode")
			.isEqualTo(List.of("U1", "U2"))
			.jsonPath("$.unitPrizes[1].criterion")
			.isEqualTo("PARTICIPATION_RATE")
			.jsonPath("$.unitPrizes[1].participationRate")
			.isEqualTo(66.67);

		// frozen: no second list, no change of exclusions
		finalizeRound().expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("AWARD_LIST_FINALIZED");
		committee().delete()
			.uri("/api/admin/contests/{slug}/exclusions/{id}", this.slug, excluded)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT);
		assertThat(count(
				"select count(*) from award_list l join contest c on c.id = l.contest_id where " + this.ownContest))
			.isEqualTo(1);
	}

	@Test
	void exportsMatchTheJsonCellByCellAndCarryAVerifiableHash() throws IOException {
		setPlan(standardPlan()).expectStatus().isOk();
		attempt("Nguyễn Thị Hồng Nhung", "U1", 20, 1L, 300_000, 10);
		// Excel in Vietnamese splits on ";": the formula after it is escaped, the cell
		// quoted
		attempt("Đặng Quốc Việt \"Bờm\";=1+1, Jr.", "U2", 17, null, 400_000, 20);
		attempt("=HYPERLINK(\"http://example.com\",\"Ngô Thị Ánh\")", "U3", 12, 1_000L, 600_000, 30);
		UUID excluded = attempt("@Trần Văn Thành", "U3", 20, 1L, 60_000, 5);
		committee().put()
			.uri("/api/admin/contests/{slug}/exclusions/{id}", this.slug, excluded)
			.bodyValue(Map.of("reason", "Trùng đáp án với 40 bài khác,\nnộp trong 60 giây"))
			.exchange()
			.expectStatus()
			.isNoContent();
		closeRound();
		WinnersList json = finalizeRound().expectStatus()
			.isCreated()
			.expectBody(WinnersList.class)
			.returnResult()
			.getResponseBody();
		assertThat(json.winners()).hasSize(3);
		assertThat(json.excluded()).hasSize(1);

		// CSV: BOM, the canonical form, the hash line
		byte[] csv = committee().get()
			.uri("/api/admin/contests/{slug}/rounds/1/winners?format=csv", this.slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/csv;charset=UTF-8")
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"winners-" + this.slug + "-round-1.csv\"")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		String canonical = text.substring(1, text.lastIndexOf(WinnersTable.HASH_LABEL));
		assertThat(text.substring(text.lastIndexOf(WinnersTable.HASH_LABEL)))
			.isEqualTo("SHA-256," + json.sha256() + "\r\n");
		assertThat(sha256(canonical)).isEqualTo(json.sha256());
		List<List<String>> csvRows = parse(canonical);
		assertThat(csvRows).isEqualTo(expectedRows(json));
		assertThat(canonical).contains("\"Đặng Quốc Việt \"\"Bờm\"\";'=1+1, Jr.\"")
			.contains("\"'=HYPERLINK(")
			.doesNotContain(";=");

		// XLSX, asked for by Accept: the same cells, and the hash row
		byte[] xlsx = committee().get()
			.uri("/api/admin/contests/{slug}/rounds/1/winners", this.slug)
			.accept(AwardController.XLSX)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(AwardController.XLSX)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		List<List<String>> sheet = read(xlsx);
		assertThat(sheet.get(sheet.size() - 1)).containsExactly("SHA-256", json.sha256());
		List<List<String>> cells = sheet.subList(0, sheet.size() - 1);
		assertThat(cells).isEqualTo(csvRows);
		assertThat(sha256(print(cells))).isEqualTo(json.sha256());

		// the JSON export is the finalization's answer, stored
		committee().get()
			.uri("/api/admin/contests/{slug}/rounds/1/winners", this.slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(WinnersList.class)
			.isEqualTo(json);
	}

	@Test
	void reopeningIsLoggedAndFinalizingTheSameDataAgainGivesTheSameListAndHash() {
		setPlan(standardPlan()).expectStatus().isOk();
		attempt("Nguyễn Văn An", "U1", 18, 2L, 300_000, 10);
		attempt("Trần Thị Bình", "U2", 18, 2L, 300_000, 10);
		attempt("Lê Văn Cường", "U2", 15, 0L, 300_000, 12);
		closeRound();
		WinnersList once = finalizeRound().expectStatus()
			.isCreated()
			.expectBody(WinnersList.class)
			.returnResult()
			.getResponseBody();
		reopen(1, " ").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
		reopen(1, "Kiểm tra lại theo đề nghị của thành viên hội đồng").expectStatus().isNoContent();
		committee().get()
			.uri("/api/admin/contests/{slug}/rounds/1/winners", this.slug)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("AWARD_LIST_NOT_FOUND");
		WinnersList again = finalizeRound().expectStatus()
			.isCreated()
			.expectBody(WinnersList.class)
			.returnResult()
			.getResponseBody();
		assertThat(again.sha256()).isEqualTo(once.sha256());
		assertThat(again.winners()).isEqualTo(once.winners());
		assertThat(again.finalizedAt()).isAfter(once.finalizedAt());
		committee().get()
			.uri("/api/admin/contests/{slug}/award-log", this.slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].action")
			.isEqualTo(List.of("PLAN_CHANGED", "FINALIZED", "REOPENED", "FINALIZED"))
			.jsonPath("$[2].detail")
			.isEqualTo("Kiểm tra lại theo đề nghị của thành viên hội đồng")
			.jsonPath("$[2].actor")
			.isEqualTo("committee")
			.jsonPath("$[2].round")
			.isEqualTo(1);
	}

	@Test
	void aPersonKeepsOnlyTheirHighestPrizeAndEachPredictionMeetsItsOwnRound() {
		setPlan(Map.of("round", List.of(tier("Giải Nhất", 1), tier("Giải Nhì", 1)), "contest",
				List.of(tier("Giải Đặc biệt", 1))))
			.expectStatus()
			.isOk();
		String an = ExamFixtures.newPhone();
		String binh = ExamFixtures.newPhone();
		// week 1: one attempt at 20/20
		attempt(an, "Nguyễn Văn An", "U1", 20, 1L, 100_000, 1);
		attempt(binh, "Trần Thị Bình", "U1", 19, 0L, 100_000, 2);
		closeRoundOneOpenRoundTwo();
		finalizeRound().expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.winners[*].fullName")
			.isEqualTo(List.of("Nguyễn Văn An", "Trần Thị Bình"));

		// week 2: three attempts at 20/20; Bình, second in week 1, comes first
		attempt(an, "Nguyễn Văn An", "U1", 20, 0L, 100_000, 1);
		attempt(binh, "Trần Thị Bình", "U1", 20, 3L, 100_000, 2);
		attempt("Lê Văn Cường", "U2", 20, 3L, 200_000, 3);
		execute("update contest_round set closes_at = now() - interval '1 minute' where number = 2 and " + this.own);
		finalize("/rounds/2/finalization").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.actualPrediction")
			.isEqualTo(3)
			.jsonPath("$.winners[*].fullName")
			.isEqualTo(List.of("Trần Thị Bình", "Lê Văn Cường"))
			// her first prize here supersedes her second prize of week 1
			.jsonPath("$.superseded[0].heldPrize")
			.isEqualTo("Tuần 1: Giải Nhì")
			.jsonPath("$.passedOver.length()")
			.isEqualTo(0);

		// the whole contest: An's week-1 attempt (prediction 1 against week 1's one
		// perfect attempt) ties Bình's week-2 attempt (3 against 3): measured against the
		// contest's four, Bình would have been closer
		execute("update contest set closes_at = now() - interval '1 minute' where slug = '" + this.slug + "'");
		finalize("/finalization").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.round")
			.doesNotExist()
			.jsonPath("$.actualPrediction")
			.isEqualTo(4)
			.jsonPath("$.winners[0].fullName")
			.isEqualTo("Nguyễn Văn An")
			.jsonPath("$.winners[0].actualValue")
			.isEqualTo(1)
			.jsonPath("$.winners[0].predictionDistance")
			.isEqualTo(0)
			.jsonPath("$.winners[0].rankReason")
			.isEqualTo("SUBMITTED_AT")
			.jsonPath("$.winners[0].prize")
			.isEqualTo("Giải Đặc biệt")
			.jsonPath("$.superseded[0].heldPrize")
			.isEqualTo("Tuần 1: Giải Nhất");
		committee().get()
			.uri("/api/admin/contests/{slug}/award-log", this.slug)
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.action == 'PRIZE_SUPERSEDED')].detail")
			.value((List<String> details) -> assertThat(details).hasSize(2)
				.anySatisfy((detail) -> assertThat(detail).contains("Nguyễn Văn An", "Tuần 1: Giải Nhất")));

		// a plan that allows a prize in each list: week 2 again, after a logged reopening
		setPlan(Map.of("round", List.of(tier("Giải Nhất", 1)), "prizesPerPerson", "ONE_PER_LIST")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.revision")
			.isEqualTo(2);
		reopen(2, "Áp dụng cơ cấu giải mới").expectStatus().isNoContent();
		finalize("/rounds/2/finalization").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.winners[0].fullName")
			.isEqualTo("Trần Thị Bình")
			.jsonPath("$.ruleRevision")
			.isEqualTo(2)
			.jsonPath("$.superseded.length()")
			.isEqualTo(0);
	}

	@Test
	void twoRoundsFinalizedAtOnceStillGiveAPersonOnePrize() throws Exception {
		setPlan(Map.of("round", List.of(tier("Giải Nhất", 1)))).expectStatus().isOk();
		String an = ExamFixtures.newPhone();
		String binh = ExamFixtures.newPhone();
		attempt(an, "Nguyễn Văn An", "U1", 20, 0L, 100_000, 1);
		attempt(binh, "Trần Thị Bình", "U1", 19, 0L, 100_000, 2);
		closeRoundOneOpenRoundTwo();
		attempt(an, "Nguyễn Văn An", "U1", 20, 0L, 100_000, 1);
		attempt(binh, "Trần Thị Bình", "U1", 19, 0L, 100_000, 2);
		execute("update contest_round set closes_at = now() - interval '1 minute' where number = 2 and " + this.own);
		List<CompletableFuture<Void>> both = List.of(1, 2)
			.stream()
			.map((round) -> CompletableFuture
				.runAsync(() -> finalize("/rounds/" + round + "/finalization").expectStatus().isCreated()))
			.toList();
		CompletableFuture.allOf(both.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		// whichever came second passed An over and gave its prize to Bình
		assertThat(count("select count(distinct w.participant_id) from award_winner w"
				+ " join award_list l on l.id = w.list_id join contest c on c.id = l.contest_id where "
				+ this.ownContest))
			.isEqualTo(2);
	}

	@Test
	void theContestPageShowsThePrizes() {
		this.client.get()
			.uri("/api/contests/{slug}/prizes", this.slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.round.length()")
			.isEqualTo(0);
		setPlan(standardPlan()).expectStatus().isOk();
		this.client.get()
			.uri("/api/contests/{slug}/prizes", this.slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.round[*].name")
			.isEqualTo(List.of("Giải Nhất", "Giải Nhì", "Giải Ba"))
			.jsonPath("$.round[1].count")
			.isEqualTo(2)
			.jsonPath("$.unitPrizesPer")
			.isEqualTo("ROUND")
			.jsonPath("$.tieBreak")
			.doesNotExist();
		execute("update contest set status = 'DRAFT' where slug = '" + this.slug + "'");
		this.client.get().uri("/api/contests/{slug}/prizes", this.slug).exchange().expectStatus().isNotFound();
	}

	@Test
	void onlyTheRightRolesReachPrizesAndWinners() {
		setPlan(standardPlan()).expectStatus().isOk();
		attempt("Nguyễn Văn An", "U1", 20, 0L, 100_000, 1);
		closeRound();
		String round = "/api/admin/contests/" + this.slug + "/rounds/1";
		as("organizer", IntegrationTest.ORGANIZER_PASSWORD).post()
			.uri(round + "/finalization")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("FORBIDDEN");
		finalizeRound().expectStatus().isCreated();
		for (String path : List.of(round + "/winners", round + "/winners?format=xlsx",
				"/api/admin/contests/" + this.slug + "/exclusions")) {
			as("organizer", IntegrationTest.ORGANIZER_PASSWORD).get().uri(path).exchange().expectStatus().isForbidden();
			this.client.get().uri(path).exchange().expectStatus().isUnauthorized();
			as("admin", IntegrationTest.ADMIN_PASSWORD).get().uri(path).exchange().expectStatus().isOk();
		}
		committee().put()
			.uri("/api/admin/contests/{slug}/prize-plan", this.slug)
			.bodyValue(standardPlan())
			.exchange()
			.expectStatus()
			.isForbidden();
		committee().get()
			.uri("/api/admin/contests/{slug}/prize-plan", this.slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.updatedBy")
			.isEqualTo("organizer")
			.jsonPath("$.plan.tieBreak")
			.isEqualTo(List.of("SCORE", "PREDICTION", "DURATION", "SUBMITTED_AT"));
	}

	@Test
	void badRequestsGetAClearProblemAndChangeNothing() {
		// no plan yet
		closeRound();
		finalizeRound().expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PRIZE_PLAN_MISSING");
		setPlan(Map.of("round", List.of(Map.of("name", "", "count", 0)), "tieBreak", List.of("SCORE", "SCORE")))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VALIDATION_FAILED")
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("round[0].name", "round[0].count", "tieBreak"));
		setPlan(Map.of("tieBreak", List.of("LUCK"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("MALFORMED_REQUEST");
		committee().get()
			.uri("/api/admin/contests/{slug}/prize-plan", this.slug)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT);
		finalize("/rounds/9/finalization").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ROUND_NOT_FOUND");
		committee().get()
			.uri("/api/admin/contests/{slug}/rounds/1/winners?format=pdf", this.slug)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("EXPORT_FORMAT_UNKNOWN");
		committee().put()
			.uri("/api/admin/contests/{slug}/exclusions/{id}", this.slug, UUID.randomUUID())
			.bodyValue(Map.of("reason", "?"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ATTEMPT_NOT_FOUND");
		reopen(1, "Không có gì để mở lại").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("AWARD_LIST_NOT_FOUND");
		committee().put()
			.uri("/api/admin/contests/{slug}/exclusions/not-a-uuid", this.slug)
			.bodyValue(Map.of("reason", "?"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("MALFORMED_REQUEST");
		finalize("/rounds/one/finalization").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("MALFORMED_REQUEST");
		committee().post()
			.uri("/api/admin/contests/{slug}/rounds/1/reopening", this.slug)
			.contentType(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("MALFORMED_REQUEST");
		reopen(1, "lý do\u0000").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("TEXT_INVALID");
		reopen(1, "x".repeat(1001)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("REASON_TOO_LONG");
		setPlan(Map.of("round", List.of(tier("Giải\u0000Nhất", 1)))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("PRIZE_NAME_INVALID");
		assertThat(count(
				"select count(*) from prize_plan p join contest c on c.id = p.contest_id where " + this.ownContest))
			.isZero();
		assertThat(count(
				"select count(*) from award_log l join contest c on c.id = l.contest_id where " + this.ownContest))
			.isZero();
	}

	@Test
	void thePublicReadsFinalizedListsOnlyWithMaskedNamesAndNoPersonalData() {
		setPlan(standardPlan()).expectStatus().isOk();
		UUID first = attempt("Trần Thị Bình", "U1", 20, 2L, 250_000, 20);
		UUID second = attempt("Nguyễn Văn An", "U2", 19, 4L, 300_000, 10);
		results().jsonPath("$.contest").isEqualTo(this.slug).jsonPath("$.lists.length()").isEqualTo(0);
		closeRound();
		finalizeRound().expectStatus().isCreated();

		Map<String, Object> body = this.client.get()
			.uri("/api/contests/{slug}/results", this.slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		List<Map<String, Object>> lists = (List<Map<String, Object>>) body.get("lists");
		assertThat(lists).hasSize(1);
		Map<String, Object> list = lists.get(0);
		assertThat(list.keySet()).containsExactlyInAnyOrder("round", "name", "finalizedAt", "sha256", "actualValue",
				"participants", "attempts", "winners", "unitPrizes");
		assertThat(list).containsEntry("round", 1)
			.containsEntry("name", "Tuần 1")
			.containsEntry("actualValue", 1)
			.containsEntry("participants", 2)
			.containsEntry("attempts", 2);
		// the hash anyone can check a committee's file against: the list's own
		String sha256 = committee().get()
			.uri("/api/admin/contests/{slug}/rounds/1/winners", this.slug)
			.exchange()
			.expectBody(WinnersList.class)
			.returnResult()
			.getResponseBody()
			.sha256();
		assertThat(list).containsEntry("sha256", sha256);
		List<Map<String, Object>> winners = (List<Map<String, Object>>) list.get("winners");
		assertThat(winners).hasSize(2);
		for (Map<String, Object> winner : winners) {
			assertThat(winner.keySet()).containsExactlyInAnyOrder("rank", "name", "unitName", "district", "prize");
		}
		assertThat(winners.get(0)).containsEntry("rank", 1)
			.containsEntry("name", "Trần T. B.")
			.containsEntry("unitName", "Hợp tác xã Nông nghiệp Đồng Tâm")
			.containsEntry("district", "Quận Hồng Bàng")
			.containsEntry("prize", "Giải Nhất");
		assertThat(winners.get(1)).containsEntry("name", "Nguyễn V. A.");
		for (Map<String, Object> prize : (List<Map<String, Object>>) list.get("unitPrizes")) {
			assertThat(prize.keySet()).containsExactlyInAnyOrder("rank", "prize", "criterion", "unitName",
					"participants", "participationRate");
		}
		String raw = this.client.get()
			.uri("/api/contests/{slug}/results", this.slug)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(raw).doesNotContain("Trần Thị Bình", "Nguyễn Văn An", "+84", first.toString(), second.toString(),
				"phone", "email", "birth", "attemptId", "fullName", "device");

		// reopened: gone until finalized again
		reopen(1, "Kiểm tra lại bài thi nghi vấn").expectStatus().isNoContent();
		results().jsonPath("$.lists.length()").isEqualTo(0);
		finalizeRound().expectStatus().isCreated();
		results().jsonPath("$.lists.length()")
			.isEqualTo(1)
			.jsonPath("$.lists[0].winners[0].name")
			.isEqualTo("Trần T. B.");
		// and the whole contest's list, once finalized, comes first (newest first)
		setPlan(Map.of("round", List.of(tier("Giải Nhất", 1)), "contest", List.of(tier("Giải Đặc biệt", 1))))
			.expectStatus()
			.isOk();
		execute("update contest set closes_at = now() - interval '1 minute' where slug = '" + this.slug + "'");
		finalize("/finalization").expectStatus().isCreated();
		results().jsonPath("$.lists[*].name")
			.isEqualTo(List.of("Toàn cuộc thi", "Tuần 1"))
			.jsonPath("$.lists[0].round")
			.isEmpty();

		execute("update contest set status = 'DRAFT' where slug = '" + this.slug + "'");
		this.client.get().uri("/api/contests/{slug}/results", this.slug).exchange().expectStatus().isNotFound();
	}

	private WebTestClient.BodyContentSpec results() {
		return this.client.get()
			.uri("/api/contests/{slug}/results", this.slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	// --- helpers

	private static Map<String, Object> standardPlan() {
		return Map.of("round", List.of(tier("Giải Nhất", 1), tier("Giải Nhì", 2), tier("Giải Ba", 1)),
				"unitsByParticipants", List.of(tier("Giải tập thể đông nhất", 1)), "unitsByParticipationRate",
				List.of(tier("Giải tập thể tỷ lệ cao nhất", 1)), "unitPrizesPer", "ROUND");
	}

	private static Map<String, Object> tier(String name, int count) {
		return Map.of("name", name, "count", count);
	}

	private WebTestClient.ResponseSpec setPlan(Object plan) {
		return as("organizer", IntegrationTest.ORGANIZER_PASSWORD).put()
			.uri("/api/admin/contests/{slug}/prize-plan", this.slug)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(plan)
			.exchange();
	}

	private WebTestClient.ResponseSpec finalizeRound() {
		return finalize("/rounds/1/finalization");
	}

	private WebTestClient.ResponseSpec finalize(String path) {
		return committee().post().uri("/api/admin/contests/" + this.slug + path).exchange();
	}

	private WebTestClient.ResponseSpec reopen(int round, String reason) {
		return committee().post()
			.uri("/api/admin/contests/{slug}/rounds/{round}/reopening", this.slug, round)
			.bodyValue(Map.of("reason", reason))
			.exchange();
	}

	private WebTestClient committee() {
		return as("committee", IntegrationTest.COMMITTEE_PASSWORD);
	}

	private WebTestClient as(String user, String password) {
		return this.client.mutate().defaultHeaders((headers) -> headers.setBasicAuth(user, password)).build();
	}

	private UUID attempt(String name, String unit, int score, Long prediction, int durationMs, int second) {
		return attempt(ExamFixtures.newPhone(), name, unit, score, prediction, durationMs, second);
	}

	/**
	 * An attempt submitted through the API with {@code score} answers right, then given
	 * an exact duration and a submission time {@code second}s into the day before.
	 */
	private UUID attempt(String phone, String name, String unit, int score, Long prediction, int durationMs,
			int second) {
		Map<String, Object> registration = ExamFixtures.registration(phone);
		registration.put("fullName", name);
		registration.put("unitCode", unit);
		registration.put("district", "Quận Hồng Bàng");
		AttemptStarted started = ExamFixtures.start(this.client, this.slug, registration)
			.expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
		ExamFixtures
			.submit(this.client, started, ExamFixtures.answers(started, this.bank, score, 20 - score, prediction))
			.expectStatus()
			.isOk();
		this.database.sql("update attempt set duration_ms = :duration, submitted_at = :at where id = :id")
			.bind("duration", durationMs)
			.bind("at", Instant.now().minus(Duration.ofDays(1)).plusSeconds(second))
			.bind("id", started.attemptId())
			.fetch()
			.rowsUpdated()
			.block();
		return started.attemptId();
	}

	private void closeRound() {
		execute("update contest_round set closes_at = now() - interval '1 minute' where " + this.own);
	}

	private void closeRoundOneOpenRoundTwo() {
		execute("update contest_round set closes_at = now() - interval '10 minutes' where number = 1 and " + this.own);
		execute("insert into contest_round (contest_id, number, name, opens_at, closes_at)"
				+ " select id, 2, 'Tuần 2', now() - interval '10 minutes', now() + interval '1 day' from contest where slug = '"
				+ this.slug + "'");
	}

	private void execute(String sql) {
		this.database.sql(sql).fetch().rowsUpdated().block();
	}

	private long count(String sql) {
		return this.database.sql(sql).map((row, meta) -> row.get(0, Long.class)).one().block();
	}

	/** The rows the exports must have, built from the JSON alone. */
	private static List<List<String>> expectedRows(WinnersList list) {
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");
		ZoneId zone = ZoneId.of(list.timeZone());
		List<List<String>> rows = new ArrayList<>();
		rows.add(WinnersTable.HEADER);
		rows.add(List.of(list.contest(), text(list.round()), list.roundName(), text(list.ruleRevision()),
				"SCORE > PREDICTION > DURATION > SUBMITTED_AT", text(list.actualPrediction()), text(list.ranked()),
				"Asia/Ho_Chi_Minh"));
		rows.add(List.of(""));
		rows.add(WinnersTable.WINNER_HEADER);
		for (WinnersList.Winner winner : list.winners()) {
			Duration duration = Duration.ofMillis(winner.durationMs());
			// +84912345678 as people write it: 0912 345 678
			String national = "0" + winner.phone().substring(3);
			List<String> row = new ArrayList<>(List.of(text(winner.rank()), winner.prize(),
					spreadsheetText(winner.fullName()), winner.unitCode(), winner.unitName(), winner.district(),
					national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7),
					text(winner.email()), text(winner.score()), text(winner.durationMs()),
					"%d:%02d.%03d".formatted(duration.toMinutes(), duration.toSecondsPart(), duration.toMillisPart()),
					text(winner.prediction()), text(winner.actualValue()), text(winner.predictionDistance())));
			row.addAll(List.of(time.format(winner.submittedAt().atZone(zone)), winner.attemptId().toString(),
					winner.rankReason(), explanation(winner.rankReason()),
					winner.autoSubmitted() ? WinnersTable.AUTO_SUBMITTED : ""));
			rows.add(row);
		}
		rows.add(List.of(""));
		rows.add(WinnersTable.UNIT_HEADER);
		for (UnitPrize prize : list.unitPrizes()) {
			rows.add(List.of(prize.prize(), prize.criterion().name(), text(prize.rank()), prize.unitCode(),
					prize.unitName(), text(prize.participants()), text(prize.headcount()),
					(prize.participationRate() != null) ? prize.participationRate().toPlainString() : ""));
		}
		rows.add(List.of(""));
		rows.add(WinnersTable.PASSED_OVER_HEADER);
		for (WinnersList.PassedOver passed : list.passedOver()) {
			rows.add(List.of("", text(passed.rank()), spreadsheetText(passed.fullName()), passed.unitCode(),
					passed.attemptId().toString(), passed.heldPrize()));
		}
		rows.add(List.of(""));
		rows.add(WinnersTable.SUPERSEDED_HEADER);
		rows.add(List.of(""));
		rows.add(WinnersTable.EXCLUDED_HEADER);
		for (WinnersList.Excluded excluded : list.excluded()) {
			rows.add(List.of(excluded.attemptId().toString(), spreadsheetText(excluded.fullName()), excluded.reason(),
					excluded.excludedBy(), time.format(excluded.excludedAt().atZone(zone))));
		}
		return rows;
	}

	/**
	 * Text a spreadsheet would take for a formula gets an apostrophe in front, at its
	 * start and after each separator.
	 */
	private static String spreadsheetText(String text) {
		String escaped = text.replaceAll("([,;\\t\\r\\n])([=+\\-@])", "$1'$2");
		return "=+-@".indexOf(escaped.charAt(0)) >= 0 ? "'" + escaped : escaped;
	}

	private static String explanation(String reason) {
		return switch (reason) {
			case "SCORE" -> "Điểm cao hơn người kế tiếp / higher score";
			case "PREDICTION" -> "Dự đoán gần hơn / closer prediction";
			case "DURATION" -> "Làm bài nhanh hơn / shorter time";
			case "SUBMITTED_AT" -> "Nộp bài sớm hơn / earlier submission";
			case "LAST" -> "Người cuối bảng xếp hạng / last ranked";
			default -> "Bằng nhau mọi tiêu chí, xét mã bài thi / equal on every step, by attempt id";
		};
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	private static List<List<String>> parse(String csv) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv))) {
			rows.add(record.toList());
		}
		return rows;
	}

	/**
	 * The sheet's rows as text, gaps (empty rows) included as one empty cell, as CSV
	 * reads them.
	 */
	private static List<List<String>> read(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getFirstSheet().read()) {
				while (rows.size() < row.getRowNum() - 1) {
					rows.add(List.of(""));
				}
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getCellCount(); c++) {
					Cell cell = row.getCell(c);
					cells.add((cell != null) ? cell.getText() : "");
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	private static String print(List<List<String>> rows) throws IOException {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, WinnersTable.CANONICAL)) {
			for (List<String> row : rows) {
				if (row.equals(List.of(""))) {
					printer.println();
				}
				else {
					printer.printRecord(row);
				}
			}
		}
		return out.toString();
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
