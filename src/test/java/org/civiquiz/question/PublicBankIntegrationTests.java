package org.civiquiz.question;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewContest;
import org.civiquiz.contest.ContestService.NewRound;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled question bank is public (its correct options are in the repository and the
 * jar): organizers are warned while a contest that draws from it is a draft or open,
 * until they import a bank of their own; citizens are told nothing of it.
 */
@IntegrationTest
class PublicBankIntegrationTests {

	private static final String HEADER = "code,chapter,article,text,option_a,option_b,option_c,option_d,correct,explanation\n";

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private QuestionBankService banks;

	@Autowired
	private JsonMapper json;

	@Test
	void theSeededDemoContestDrawsFromAPublicBankAndOrganizersAreWarned() {
		asStaff("organizer", IntegrationTest.ORGANIZER_PASSWORD, "/api/admin/contests/{slug}", IntegrationTest.CONTEST)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("OPEN")
			.jsonPath("$.questionBank")
			.isEqualTo(IntegrationTest.CONTEST)
			.jsonPath("$.bankPublic")
			.isEqualTo(true)
			.jsonPath("$.warnings[*].code")
			.isEqualTo(List.of("PUBLIC_BANK"))
			.jsonPath("$.warnings[0].bank")
			.isEqualTo(IntegrationTest.CONTEST);
		// the dashboard's list: every staff role reads it
		asStaff("committee", IntegrationTest.COMMITTEE_PASSWORD, "/api/admin/contests", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.slug == '" + IntegrationTest.CONTEST + "')].bankPublic")
			.isEqualTo(List.of(true))
			.jsonPath("$[?(@.slug == '" + IntegrationTest.CONTEST + "')].warnings[*].code")
			.isEqualTo(List.of("PUBLIC_BANK"));
		asStaff("organizer", IntegrationTest.ORGANIZER_PASSWORD, "/api/admin/contests/{slug}/questions/bank",
				IntegrationTest.CONTEST)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(IntegrationTest.CONTEST)
			.jsonPath("$.public")
			.isEqualTo(true)
			.jsonPath("$.questions")
			.isEqualTo(184);
		this.client.get()
			.uri("/api/admin/contests/{slug}/questions/bank", IntegrationTest.CONTEST)
			.headers((h) -> h.setBasicAuth("committee", IntegrationTest.COMMITTEE_PASSWORD))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void aDraftIsWarnedBeforeItOpensAndAClosedContestNoLonger() {
		createContest("public-bank-draft", IntegrationTest.CONTEST, ContestStatus.DRAFT);
		createContest("public-bank-closed", IntegrationTest.CONTEST, ContestStatus.CLOSED);
		organizer("/api/admin/contests/{slug}", "public-bank-draft").expectBody()
			.jsonPath("$.bankPublic")
			.isEqualTo(true)
			.jsonPath("$.warnings[*].code")
			.isEqualTo(List.of("PUBLIC_BANK"));
		organizer("/api/admin/contests/{slug}", "public-bank-closed").expectBody()
			.jsonPath("$.bankPublic")
			.isEqualTo(true)
			.jsonPath("$.warnings")
			.isEmpty();
		// what organizers read goes back as it is (its read-only fields ignored); the
		// answer says it again, and closing the draft ends the warning
		Map<String, Object> form = organizer("/api/admin/contests/{slug}", "public-bank-draft")
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		put("public-bank-draft", form).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.warnings[*].code")
			.isEqualTo(List.of("PUBLIC_BANK"));
		form.put("status", "CLOSED");
		form.put("bankPublic", false);
		put("public-bank-draft", form).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CLOSED")
			.jsonPath("$.bankPublic")
			.isEqualTo(true)
			.jsonPath("$.warnings")
			.isEmpty();
		// a bank nothing was imported into yet is not public
		createContest("private-bank-empty", "bank-private-bank-empty", ContestStatus.OPEN);
		organizer("/api/admin/contests/{slug}", "private-bank-empty").expectBody()
			.jsonPath("$.bankPublic")
			.isEqualTo(false)
			.jsonPath("$.warnings")
			.isEmpty();
	}

	@Test
	void anOrganizersImportReplacesABundledBankWhichTurnsPrivateAndTheWarningGoes() throws IOException {
		String bank = "bank-ban-sao-cong-khai";
		this.banks.importBundled(bank, new ClassPathResource("questions/luat-htx-2023.csv").getContentAsByteArray())
			.block();
		String slug = createContest("ban-sao-cong-khai", bank, ContestStatus.OPEN);
		organizer("/api/admin/contests/{slug}", slug).expectBody()
			.jsonPath("$.bankPublic")
			.isEqualTo(true)
			.jsonPath("$.warnings[*].code")
			.isEqualTo(List.of("PUBLIC_BANK"));
		// an attempt in progress when the organizers import their own bank
		Map<Long, BankQuestion> bundled = questions(slug);
		AttemptStarted inProgress = ExamFixtures
			.start(this.client, slug, ExamFixtures.registration(ExamFixtures.newPhone()))
			.expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();

		// one code of the bundled file replaced, 24 new ones: the other 183 bundled
		// questions are retired
		StringBuilder csv = new StringBuilder(HEADER);
		csv.append("C01-001,1,1,Câu hỏi riêng số 0?,Đáp án A0,Đáp án B0,Đáp án C0,Đáp án D0,B,Điều 1\n");
		for (int i = 1; i < 25; i++) {
			csv.append("RIENG-%02d,%d,%d,Câu hỏi riêng số %d?,Đáp án A%d,Đáp án B%d,Đáp án C%d,Đáp án D%d,C,Điều %d\n"
				.formatted(i, 1 + i % 7, i, i, i, i, i, i, i));
		}
		this.client.post()
			.uri("/api/admin/contests/{slug}/questions", slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(csv.toString().getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.bank")
			.isEqualTo(bank)
			.jsonPath("$.imported")
			.isEqualTo(25)
			.jsonPath("$.retired")
			.isEqualTo(183)
			.jsonPath("$.public")
			.isEqualTo(false);

		organizer("/api/admin/contests/{slug}", slug).expectBody()
			.jsonPath("$.bankPublic")
			.isEqualTo(false)
			.jsonPath("$.warnings")
			.isEmpty();
		organizer("/api/admin/contests", null).expectBody()
			.jsonPath("$[?(@.slug == '" + slug + "')].bankPublic")
			.isEqualTo(List.of(false));
		organizer("/api/admin/contests/{slug}/questions/bank", slug).expectBody()
			.jsonPath("$.public")
			.isEqualTo(false)
			.jsonPath("$.questions")
			.isEqualTo(25);
		// the seeded contest's bank is another bank: still public
		organizer("/api/admin/contests/{slug}", IntegrationTest.CONTEST).expectBody()
			.jsonPath("$.bankPublic")
			.isEqualTo(true);

		// new attempts draw from the organizers' questions only
		Set<Long> drawnIds = ExamFixtures.start(this.client, slug, ExamFixtures.registration(ExamFixtures.newPhone()))
			.expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody()
			.questions()
			.stream()
			.map(AttemptStarted.ExamQuestion::id)
			.collect(Collectors.toSet());
		assertThat(questions(slug).keySet()).hasSize(25).containsAll(drawnIds);
		// the attempt in progress still has its questions and is scored on them
		Map<Long, BankQuestion> answerKey = new HashMap<>(bundled);
		answerKey.putAll(questions(slug));
		ExamFixtures.submit(this.client, inProgress, ExamFixtures.answers(inProgress, answerKey, 20, 0, 10L))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.score")
			.isEqualTo(20);
	}

	@Test
	void aFileTooSmallToDrawFromCannotReplaceABundledBank() throws IOException {
		String bank = "bank-ban-sao-nho";
		this.banks.importBundled(bank, new ClassPathResource("questions/luat-htx-2023.csv").getContentAsByteArray())
			.block();
		String slug = createContest("ban-sao-nho", bank, ContestStatus.OPEN);
		int before = questions(slug).size();

		// ten corrections: fewer questions than an attempt draws
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 1; i <= 10; i++) {
			csv.append(
					"SUA-%02d,1,%d,Câu hỏi sửa số %d?,A%d,B%d,C%d,D%d,A,Điều %d\n".formatted(i, i, i, i, i, i, i, i));
		}
		this.client.post()
			.uri("/api/admin/contests/{slug}/questions", slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(csv.toString().getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("QUESTION_IMPORT_REJECTED")
			.jsonPath("$.errors[0].code")
			.isEqualTo("BANK_FILE_TOO_SMALL");

		// nothing imported, nothing retired, still public: attempts still start
		assertThat(questions(slug)).hasSize(before);
		organizer("/api/admin/contests/{slug}", slug).expectBody().jsonPath("$.bankPublic").isEqualTo(true);
		ExamFixtures.start(this.client, slug, ExamFixtures.registration(ExamFixtures.newPhone()))
			.expectStatus()
			.isCreated();
	}

	@Test
	void citizensAreToldNothingOfTheBank() {
		JsonNode details = publicJson("/api/contests/" + IntegrationTest.CONTEST);
		assertThat(details.propertyNames()).containsExactlyInAnyOrder("slug", "title", "law", "description", "rules",
				"status", "opensAt", "closesAt", "timeLimitSeconds", "questionsPerAttempt", "maxAttemptsPerRound",
				"chapterQuotas", "predictionQuestion", "rounds", "currentRound", "units", "districts", "consentText",
				"consentVersion", "phoneVerification", "serverTime", "reviewPolicy", "certificate", "ranked");
		JsonNode list = publicJson("/api/contests");
		assertThat(list).isNotEmpty();
		list.forEach((contest) -> assertThat(contest.propertyNames()).containsExactlyInAnyOrder("slug", "title", "law",
				"status", "opensAt", "closesAt", "ranked"));
	}

	private JsonNode publicJson(String path) {
		byte[] body = this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return this.json.readTree(body);
	}

	private Map<Long, BankQuestion> questions(String slug) {
		Map<Long, BankQuestion> byId = new HashMap<>();
		this.client.get()
			.uri("/api/admin/contests/{slug}/questions", slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(BankQuestion.class)
			.returnResult()
			.getResponseBody()
			.forEach((question) -> byId.put(question.id(), question));
		return byId;
	}

	private String createContest(String slug, String bank, ContestStatus status) {
		Instant now = Instant.now();
		this.contests.create(new NewContest(slug, "Test " + slug, "Law", "", "", bank, now.minus(Duration.ofHours(1)),
				now.plus(Duration.ofDays(1)), Duration.ofMinutes(20), 20, 3, Map.of(), "How many?", List.of(), status),
				List.of(new NewRound(1, "Tuần 1", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)))),
				List.of(new NewUnit("HP-LMHTX", "Liên minh Hợp tác xã thành phố", null, null)))
			.block();
		return slug;
	}

	private WebTestClient.ResponseSpec put(String slug, Map<String, Object> form) {
		return this.client.put()
			.uri("/api/admin/contests/{slug}", slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(form)
			.exchange();
	}

	private WebTestClient.ResponseSpec organizer(String path, String slug) {
		return asStaff("organizer", IntegrationTest.ORGANIZER_PASSWORD, path, slug);
	}

	private WebTestClient.ResponseSpec asStaff(String user, String password, String path, String slug) {
		return this.client.get()
			.uri(path, (Object[]) ((slug != null) ? new Object[] { slug } : new Object[0]))
			.headers((h) -> h.setBasicAuth(user, password))
			.exchange();
	}

}
