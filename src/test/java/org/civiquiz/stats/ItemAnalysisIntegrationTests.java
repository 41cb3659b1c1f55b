package org.civiquiz.stats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.question.BankQuestion;
import org.civiquiz.question.QuestionBankService;
import org.civiquiz.stats.ItemAnalysis.Flag;
import org.civiquiz.stats.items.ItemAnalysisController;
import org.civiquiz.stats.ItemAnalysis.Item;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Item analysis over scripted attempts whose every answer is known: each attempt draws
 * every question of a bank made for the test, so facility, discrimination, option counts,
 * the top quarter and each flag can be worked out by hand.
 */
@IntegrationTest
class ItemAnalysisIntegrationTests {

	/** The keys of questions 1..8 (options numbered 1..4 as in the bank). */
	private static final int[] KEYS = { 1, 2, 3, 4, 1, 2, 3, 4 };

	/**
	 * Eight attempts (rows) answering questions 1..8 (columns); 0 is no answer. S1, S2
	 * strong, M1..M3 middling, W1..W3 weak. Question 1 everyone gets right; question 2's
	 * key looks wrong (the strong choose 3); question 3 the strong get wrong and the weak
	 * right; questions 4..8 behave.
	 */
	private static final int[][] ANSWERS = { //
			{ 1, 3, 1, 4, 1, 2, 3, 4 }, // S1: right on 1, 4, 5, 6, 7, 8 = 6
			{ 1, 3, 1, 4, 1, 2, 3, 4 }, // S2: 6
			{ 1, 3, 3, 4, 1, 2, 1, 2 }, // M1: 1, 3, 4, 5, 6 = 5
			{ 1, 1, 2, 3, 1, 2, 3, 1 }, // M2: 1, 5, 6, 7 = 4
			{ 1, 2, 3, 4, 2, 2, 4, 4 }, // M3: 1, 2, 3, 4, 6, 8 = 6
			{ 1, 4, 3, 4, 3, 1, 2, 0 }, // W1: 1, 3, 4 = 3
			{ 1, 1, 3, 2, 4, 4, 1, 4 }, // W2: 1, 3, 8 = 3
			{ 1, 4, 3, 1, 2, 0, 0, 3 }, // W3: 1, 3 = 2
	};

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private QuestionBankService banks;

	@Test
	void figuresAndFlagsMatchWhatIsWorkedOutByHand() throws IOException {
		String slug = "items-" + System.nanoTime() % 1_000_000;
		Map<Integer, Long> ids = bankOf(slug, 8);
		ContestFixtures.openContest(this.contests, slug, slug, 8, 10);
		String phone = ExamFixtures.newPhone();
		for (int[] answers : ANSWERS) {
			take(slug, phone, ids, answers);
		}

		ItemAnalysis analysis = analysis(slug, "");
		assertThat(analysis.attempts()).isEqualTo(8);
		assertThat(analysis.items()).extracting(Item::code)
			.containsExactly("IA-1", "IA-2", "IA-3", "IA-4", "IA-5", "IA-6", "IA-7", "IA-8");
		Map<String, Item> items = analysis.items().stream().collect(Collectors.toMap(Item::code, (item) -> item));
		assertThat(items.values()).allSatisfy((item) -> assertThat(item.drawn()).isEqualTo(8));

		// facility: right answers / 8, counted down the columns
		assertThat(items.get("IA-1").facility()).isEqualTo(8 / 8.0);
		assertThat(items.get("IA-2").facility()).isEqualTo(1 / 8.0);
		assertThat(items.get("IA-3").facility()).isEqualTo(5 / 8.0);
		assertThat(items.get("IA-4").facility()).isEqualTo(5 / 8.0);
		assertThat(items.get("IA-5").facility()).isEqualTo(4 / 8.0);
		assertThat(items.get("IA-6").facility()).isEqualTo(5 / 8.0);
		assertThat(items.get("IA-7").facility()).isEqualTo(3 / 8.0);
		assertThat(items.get("IA-8").facility()).isEqualTo(4 / 8.0);

		// discrimination: question 1 right everywhere, so no correlation at all
		assertThat(items.get("IA-1").discrimination()).isNull();
		// question 3: right (c) 0 0 1 0 1 1 1 1, rest (score - c) 6 6 4 4 5 2 2 1; mean c
		// 5/8, mean rest 30/8; sum of products of deviations -4.75, of squares 1.875 and
		// 25.5
		assertThat(items.get("IA-3").discrimination()).isCloseTo(-4.75 / Math.sqrt(1.875 * 25.5), within(1e-9));
		// question 2: c 0 0 0 0 1 0 0 0, rest 6 6 5 4 5 3 3 2: 0.75 / sqrt(0.875 * 15.5)
		assertThat(items.get("IA-2").discrimination()).isCloseTo(0.75 / Math.sqrt(0.875 * 15.5), within(1e-9));
		for (int q = 1; q < 8; q++) {
			assertThat(items.get("IA-" + (q + 1)).discrimination()).as("question %d", q + 1)
				.isCloseTo(itemRest(q), within(1e-9));
		}

		// what was chosen, none last
		assertThat(items.get("IA-2").optionCounts()).containsExactly(Map.entry("1", 2L), Map.entry("2", 1L),
				Map.entry("3", 3L), Map.entry("4", 2L), Map.entry("none", 0L));
		assertThat(items.get("IA-8").optionCounts()).containsExactly(Map.entry("1", 1L), Map.entry("2", 1L),
				Map.entry("3", 1L), Map.entry("4", 4L), Map.entry("none", 1L));

		// the top quarter: ceil(8 / 4) = 2 attempts by rest score, and whoever ties with
		// the second. Question 2: rest 6, 6 (S1, S2), both chose 3 over the key 2
		assertThat(items.get("IA-2").topQuarter().attempts()).isEqualTo(2);
		assertThat(items.get("IA-2").topQuarter().optionCounts()).containsEntry("3", 2L).containsEntry("2", 0L);
		// question 1: rest 5, 5, 4, 3, 5, 2, 2, 1: S1, S2 and M3 (tied at 5)
		assertThat(items.get("IA-1").topQuarter().attempts()).isEqualTo(3);
		// question 3: rest 6, 6 (S1, S2), both chose 1 over the key 3
		assertThat(items.get("IA-3").topQuarter().optionCounts()).containsEntry("1", 2L).containsEntry("3", 0L);

		assertThat(items.get("IA-1").flags()).containsExactly(Flag.TOO_EASY);
		// 1/8 < 0.20; the strong chose 3 over 2
		assertThat(items.get("IA-2").flags()).containsExactly(Flag.TOO_HARD, Flag.MAYBE_WRONG_KEY);
		assertThat(items.get("IA-3").flags()).containsExactly(Flag.NEGATIVE_DISCRIMINATION, Flag.MAYBE_WRONG_KEY);
		// options nobody chose (question 6 has no 3), but drawn fewer than 100 times
		assertThat(items.get("IA-6").optionCounts()).containsEntry("3", 0L);
		for (String code : List.of("IA-4", "IA-5", "IA-6", "IA-7", "IA-8")) {
			assertThat(items.get(code).flags()).as(code).isEmpty();
			assertThat(items.get(code).discrimination()).as(code).isPositive();
		}

		// the committee reads it too, and the workbook lists the flagged questions first
		byte[] xlsx = this.client.get()
			.uri("/api/admin/contests/{slug}/item-analysis?format=xlsx", slug)
			.headers((h) -> h.setBasicAuth("committee", IntegrationTest.COMMITTEE_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(ItemAnalysisController.XLSX)
			.expectHeader()
			.valueMatches(HttpHeaders.CONTENT_DISPOSITION, ".*item-analysis-" + slug + "\\.xlsx.*")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(9);
			assertThat(rows.get(0).getCellText(0)).isEqualTo("Mã câu / Code");
			assertThat(rows.subList(1, 4)).extracting((row) -> row.getCellText(0))
				.containsExactly("IA-2", "IA-3", "IA-1");
			assertThat(rows.get(1).getCellText(4)).isEqualTo("B");
			assertThat(rows.get(1).getCellText(18)).isEqualTo("TOO_HARD, MAYBE_WRONG_KEY");
		}
	}

	@Test
	void aDistractorIsUnusedBelowTwoPercentOnceDrawnAHundredTimes() {
		String slug = "items-" + System.nanoTime() % 1_000_000;
		Map<Integer, Long> ids = bankOf(slug, 2);
		ContestFixtures.openContest(this.contests, slug, slug, 2, 100);
		String phone = ExamFixtures.newPhone();
		// question 1 (key 1): 1 × 60, 2 × 20, 3 × 19, then 4 once at the 100th;
		// question 2 (key 2): 1 and 3 twice each (2 %: not below), 4 × 6, 2 the rest
		for (int i = 0; i < 99; i++) {
			int first = (i < 60) ? 1 : (i < 80) ? 2 : 3;
			int second = (i < 2) ? 1 : (i < 4) ? 3 : (i < 10) ? 4 : 2;
			take(slug, phone, ids, new int[] { first, second });
		}
		Map<String, Item> items = items(analysis(slug, "?round=1"));
		assertThat(items.get("IA-1").drawn()).isEqualTo(99);
		assertThat(items.get("IA-1").optionCounts()).containsEntry("4", 0L);
		assertThat(items.get("IA-1").flags()).doesNotContain(Flag.UNUSED_DISTRACTOR);

		take(slug, phone, ids, new int[] { 4, 2 });
		items = items(analysis(slug, ""));
		assertThat(items.get("IA-1").drawn()).isEqualTo(100);
		assertThat(items.get("IA-1").optionCounts()).containsEntry("4", 1L);
		assertThat(items.get("IA-1").flags()).contains(Flag.UNUSED_DISTRACTOR);
		assertThat(items.get("IA-2").optionCounts()).containsEntry("1", 2L).containsEntry("3", 2L);
		assertThat(items.get("IA-2").flags()).doesNotContain(Flag.UNUSED_DISTRACTOR);
	}

	@Test
	void aKeyCorrectedOnTheEditPageChangesTheFiguresAtOnce() {
		String slug = "items-" + System.nanoTime() % 1_000_000;
		Map<Integer, Long> ids = bankOf(slug, 2);
		ContestFixtures.openContest(this.contests, slug, slug, 2, 10);
		String phone = ExamFixtures.newPhone();
		// question 2 (keyed 2): three of four choose 3
		for (int[] answers : new int[][] { { 1, 3 }, { 1, 3 }, { 1, 3 }, { 2, 2 } }) {
			take(slug, phone, ids, answers);
		}
		assertThat(items(analysis(slug, "")).get("IA-2").facility()).isEqualTo(1 / 4.0);

		Map<String, Object> update = Map.of("chapter", 1, "article", 2, "text", "Câu hỏi thử số 2?", "options",
				List.of("Một", "Hai", "Ba", "Bốn"), "correctOption", 3, "explanation", "Sửa đáp án");
		this.client.put()
			.uri("/api/admin/contests/{slug}/questions/IA-2", slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.bodyValue(update)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.correctOption")
			.isEqualTo(3);
		Item corrected = items(analysis(slug, "")).get("IA-2");
		assertThat(corrected.correctOption()).isEqualTo(3);
		assertThat(corrected.facility()).isEqualTo(3 / 4.0);

		// the committee reads the analysis but edits nothing; a bad edit changes nothing
		this.client.put()
			.uri("/api/admin/contests/{slug}/questions/IA-2", slug)
			.headers((h) -> h.setBasicAuth("committee", IntegrationTest.COMMITTEE_PASSWORD))
			.bodyValue(update)
			.exchange()
			.expectStatus()
			.isForbidden();
		Map<String, Object> bad = new HashMap<>(update);
		bad.put("options", List.of("Một", "Một", "", "Bốn"));
		bad.put("correctOption", 5);
		this.client.put()
			.uri("/api/admin/contests/{slug}/questions/IA-2", slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.bodyValue(bad)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("QUESTION_INVALID")
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields.toString()).contains("options[1]", "options[2]", "correctOption"));
		this.client.put()
			.uri("/api/admin/contests/{slug}/questions/NO-SUCH", slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.bodyValue(update)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("QUESTION_NOT_FOUND");
		assertThat(items(analysis(slug, "")).get("IA-2").correctOption()).isEqualTo(3);
	}

	@Test
	void roundsFormatsAndRoles() {
		this.client.get()
			.uri("/api/admin/contests/{slug}/item-analysis", IntegrationTest.CONTEST)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get()
			.uri("/api/admin/contests/{slug}/item-analysis?round=99", IntegrationTest.CONTEST)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ROUND_NOT_FOUND");
		this.client.get()
			.uri("/api/admin/contests/no-such-contest/item-analysis")
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CONTEST_NOT_FOUND");
		this.client.get()
			.uri("/api/admin/contests/{slug}/item-analysis?format=pdf", IntegrationTest.CONTEST)
			.headers((h) -> h.setBasicAuth("admin", IntegrationTest.ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ITEM_ANALYSIS_FORMAT_UNKNOWN");
		// the seeded contest's whole bank is listed, drawn or not
		int active = this.banks.bank(IntegrationTest.CONTEST).block().questions().size();
		this.client.get()
			.uri("/api/admin/contests/{slug}/item-analysis", IntegrationTest.CONTEST)
			.headers((h) -> h.setBasicAuth("committee", IntegrationTest.COMMITTEE_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(active);
	}

	/**
	 * The item–rest correlation of question {@code q} (0-based) worked out from
	 * {@link #ANSWERS} the textbook way: deviations from the means.
	 */
	private static double itemRest(int q) {
		int n = ANSWERS.length;
		double[] c = new double[n];
		double[] rest = new double[n];
		for (int i = 0; i < n; i++) {
			int score = 0;
			for (int k = 0; k < KEYS.length; k++) {
				score += (ANSWERS[i][k] == KEYS[k]) ? 1 : 0;
			}
			c[i] = (ANSWERS[i][q] == KEYS[q]) ? 1 : 0;
			rest[i] = score - c[i];
		}
		double meanC = java.util.Arrays.stream(c).average().orElseThrow();
		double meanRest = java.util.Arrays.stream(rest).average().orElseThrow();
		double products = 0;
		double squaresC = 0;
		double squaresRest = 0;
		for (int i = 0; i < n; i++) {
			products += (c[i] - meanC) * (rest[i] - meanRest);
			squaresC += (c[i] - meanC) * (c[i] - meanC);
			squaresRest += (rest[i] - meanRest) * (rest[i] - meanRest);
		}
		return products / Math.sqrt(squaresC * squaresRest);
	}

	/**
	 * A bank of its own named after the contest: questions IA-1..IA-n keyed as
	 * {@link #KEYS}.
	 */
	private Map<Integer, Long> bankOf(String name, int count) {
		StringBuilder csv = new StringBuilder(
				"code,chapter,article,text,option_a,option_b,option_c,option_d,correct,explanation\n");
		for (int q = 1; q <= count; q++) {
			csv.append("IA-%d,1,%d,Câu hỏi thử số %d?,Một,Hai,Ba,Bốn,%c,\n".formatted(q, q, q,
					(char) ('A' + KEYS[q - 1] - 1)));
		}
		this.banks
			.importCsv(name, csv.toString().getBytes(StandardCharsets.UTF_8),
					new QuestionBankService.DrawNeeds(0, Map.of()))
			.block();
		Map<Integer, Long> ids = new HashMap<>();
		for (BankQuestion question : this.banks.bank(name).block().questions()) {
			ids.put(Integer.parseInt(question.code().substring(3)), question.id());
		}
		return ids;
	}

	/** One attempt answering question {@code q + 1} with {@code answers[q]}. */
	private void take(String slug, String phone, Map<Integer, Long> ids, int[] answers) {
		Map<String, Object> registration = new HashMap<>(ExamFixtures.registration(phone));
		registration.put("unitCode", "U1");
		registration.put("district", "D1");
		AttemptStarted attempt = ExamFixtures.started(ExamFixtures.start(this.client, slug, registration)
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		List<Map<String, Object>> given = new ArrayList<>();
		for (int q = 0; q < answers.length; q++) {
			Map<String, Object> answer = new HashMap<>();
			answer.put("questionId", ids.get(q + 1));
			answer.put("optionId", (answers[q] == 0) ? null : answers[q]);
			given.add(answer);
		}
		ExamFixtures.submit(this.client, attempt, Map.of("answers", given, "prediction", 1)).expectStatus().isOk();
	}

	private ItemAnalysis analysis(String slug, String query) {
		return this.client.get()
			.uri("/api/admin/contests/" + slug + "/item-analysis" + query)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ItemAnalysis.class)
			.returnResult()
			.getResponseBody();
	}

	private static Map<String, Item> items(ItemAnalysis analysis) {
		return analysis.items().stream().collect(Collectors.toMap(Item::code, (item) -> item));
	}

}
