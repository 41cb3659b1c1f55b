package org.civiquiz.certificate;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civiquiz.IntegrationTest;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificates over HTTP: the contest setting, who gets one and when, the PDF read back,
 * its code verified, and revoked by an exclusion.
 */
@IntegrationTest
class CertificateIntegrationTests {

	private static final AtomicInteger contestNumber = new AtomicInteger();

	private static final Pattern CODE = Pattern.compile("[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}");

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Map<Long, BankQuestion> bank;

	private String slug;

	@BeforeEach
	void setUp() {
		this.bank = ExamFixtures.bank(this.client);
		this.slug = "chung-nhan-" + contestNumber.incrementAndGet();
	}

	@Test
	void aQualifyingParticipantGetsTheirCertificateOnceTheContestIsOverAndItsCodeVerifiesUntilRevoked()
			throws IOException {
		createContest(Map.of("enabled", true, "minScore", 15, "issuer", "Sở Tư pháp thành phố Hải Phòng", "place",
				"Hải Phòng"))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.certificate.minScore")
			.isEqualTo(15);
		this.client.get()
			.uri("/api/contests/{slug}", this.slug)
			.exchange()
			.expectBody()
			.jsonPath("$.certificate.issuer")
			.isEqualTo("Sở Tư pháp thành phố Hải Phòng");
		String phone = ExamFixtures.newPhone();
		AttemptStarted first = attempt(phone, "Phạm Đức Hưởng", 16);
		AttemptStarted best = attempt(phone, "Phạm Đức Hưởng", 18);
		AttemptStarted low = attempt(ExamFixtures.newPhone(), "Lê Văn Tám", 12);

		// before the contest is over: when, and not yet
		status(first).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.offered")
			.isEqualTo(true)
			.jsonPath("$.bestScore")
			.isEqualTo(18)
			.jsonPath("$.qualifies")
			.isEqualTo(true)
			.jsonPath("$.available")
			.isEqualTo(false)
			.jsonPath("$.availableAt")
			.exists();
		download(first).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CERTIFICATE_NOT_AVAILABLE")
			.jsonPath("$.availableAt")
			.exists();
		assertThat(certificates()).isZero();

		close();
		// what the result page learns: nothing of the questions or their answers
		Map<String, Object> qualified = status(first).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(qualified.keySet()).containsExactlyInAnyOrder("offered", "minScore", "bestScore", "total",
				"qualifies", "available");
		assertThat(qualified).containsEntry("available", true).containsEntry("bestScore", 18);
		status(low).expectStatus().isOk().expectBody().jsonPath("$.qualifies").isEqualTo(false);
		download(low).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CERTIFICATE_NOT_QUALIFIED")
			.jsonPath("$.minScore")
			.isEqualTo(15);
		// the token of any of their attempts will do; the certificate states the best
		byte[] pdf = pdf(first);
		String text = CertificatePdfFixtures.text(pdf);
		assertThat(text).contains("Phạm Đức Hưởng", "18/20", "Đơn vị: Liên minh Hợp tác xã thành phố Hải Phòng",
				"SỞ TƯ PHÁP THÀNH PHỐ HẢI PHÒNG", "Tìm hiểu Luật Hợp tác xã");
		String code = code(text);
		assertThat(CertificatePdfFixtures.scan(pdf)).endsWith("/#/verify/" + code);
		// issued once: the same bytes again, from either token
		assertThat(pdf(best)).isEqualTo(pdf);
		assertThat(certificates()).isEqualTo(1);

		Map<String, Object> verification = verify(code).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(verification.keySet()).containsExactlyInAnyOrder("code", "valid", "reason", "contest", "name",
				"score", "total", "prize", "issuedAt");
		assertThat(verification).containsEntry("valid", true)
			.containsEntry("reason", null)
			.containsEntry("name", "Phạm Đ. H.")
			.containsEntry("score", 18)
			.containsEntry("total", 20)
			.containsEntry("prize", null)
			.containsEntry("contest", "Tìm hiểu Luật Hợp tác xã")
			.containsEntry("code", code);
		// typed by hand: lower case, without dashes
		verify(code.replace("-", "").toLowerCase()).expectStatus().isOk();
		verify("00000-00000-00000-00000").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CERTIFICATE_NOT_FOUND");
		verify("not-a-code").expectStatus().isNotFound();

		// the committee excludes the attempt it rests on: it stops verifying; the next
		// download rests on the best attempt left, with a new code
		committee().put()
			.uri("/api/admin/contests/{slug}/exclusions/{id}", this.slug, best.attemptId())
			.bodyValue(Map.of("reason", "Làm bài hộ người khác"))
			.exchange()
			.expectStatus()
			.isNoContent();
		verify(code).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.valid")
			.isEqualTo(false)
			.jsonPath("$.reason")
			.isEqualTo("revoked");
		String again = CertificatePdfFixtures.text(pdf(first));
		assertThat(again).contains("16/20").doesNotContain(code);
		verify(code(again)).expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(true);
		verify(code).expectBody().jsonPath("$.reason").isEqualTo("revoked");
	}

	@Test
	void aWinnerGetsTheirsWithThePrizeOnceTheirListIsFinalizedAndItStopsVerifyingWhenTheListIsReopened()
			throws IOException {
		createContest(
				Map.of("enabled", true, "minScore", 20, "issuer", "Liên minh Hợp tác xã Việt Nam", "place", "Hà Nội"))
			.expectStatus()
			.isCreated();
		organizer().put()
			.uri("/api/admin/contests/{slug}/prize-plan", this.slug)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("round", List.of(Map.of("name", "Giải Nhất", "count", 1))))
			.exchange()
			.expectStatus()
			.isOk();
		AttemptStarted winner = attempt(ExamFixtures.newPhone(), "Đặng Thị Ngọc Huyền", 19);
		AttemptStarted second = attempt(ExamFixtures.newPhone(), "Vũ Văn Thành", 18);
		execute("update contest_round set closes_at = now() - interval '1 minute' where number = 1 and contest_id = "
				+ "(select id from contest where slug = '" + this.slug + "')");
		download(winner).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CERTIFICATE_NOT_QUALIFIED");
		committee().post()
			.uri("/api/admin/contests/{slug}/rounds/1/finalization", this.slug)
			.exchange()
			.expectStatus()
			.isCreated();

		// the contest goes on, but the round's winner has their certificate
		status(winner).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.available")
			.isEqualTo(true)
			.jsonPath("$.prize")
			.isEqualTo("Giải Nhất (Tuần 1)");
		status(second).expectStatus().isOk().expectBody().jsonPath("$.qualifies").isEqualTo(false);
		String text = CertificatePdfFixtures.text(pdf(winner));
		assertThat(text).contains("Đặng Thị Ngọc Huyền", "19/20", "Đạt Giải Nhất (Tuần 1)", "Hà Nội, ngày");
		String code = code(text);
		verify(code).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.valid")
			.isEqualTo(true)
			.jsonPath("$.prize")
			.isEqualTo("Giải Nhất (Tuần 1)")
			.jsonPath("$.name")
			.isEqualTo("Đặng T. N. H.");

		committee().post()
			.uri("/api/admin/contests/{slug}/rounds/1/reopening", this.slug)
			.bodyValue(Map.of("reason", "Kiểm tra lại bài thi"))
			.exchange()
			.expectStatus()
			.isNoContent();
		verify(code).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.valid")
			.isEqualTo(false)
			.jsonPath("$.reason")
			.isEqualTo("prize-withdrawn");
	}

	@Test
	void aContestWithoutCertificatesOffersNoneAndOtherTokensGetNothing() {
		createContest(null).expectStatus().isCreated().expectBody().jsonPath("$.certificate.enabled").isEqualTo(false);
		AttemptStarted attempt = attempt(ExamFixtures.newPhone(), "Nguyễn Văn An", 20);
		close();
		status(attempt).expectStatus().isOk().expectBody().jsonPath("$.offered").isEqualTo(false);
		download(attempt).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CERTIFICATE_NOT_OFFERED");
		this.client.get()
			.uri("/api/attempts/{id}/certificate", attempt.attemptId())
			.header("X-Attempt-Token", "wrong")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isIn(401, 403, 404));
		this.client.get()
			.uri("/api/attempts/{id}/certificate", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.is4xxClientError();
	}

	@Test
	void aBadSettingNamesItsFieldsAndAnEditWithoutItKeepsIt() {
		createContest(Map.of("enabled", true, "minScore", 21, "issuer", " ")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat((List<String>) fields).contains("certificate.minScore", "certificate.issuer",
					"certificate.place"));
		Map<String, Object> certificate = Map.of("enabled", true, "minScore", 15, "issuer", "UBND quận Lê Chân",
				"place", "Lê Chân");
		createContest(certificate).expectStatus().isCreated();
		Map<String, Object> form = form(null);
		form.put("title", "Tên mới");
		organizer().put()
			.uri("/api/admin/contests/{slug}", this.slug)
			.bodyValue(form)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.certificate.issuer")
			.isEqualTo("UBND quận Lê Chân");
		form.put("certificate", Map.of("enabled", false, "minScore", 15, "issuer", "UBND quận Lê Chân"));
		organizer().put()
			.uri("/api/admin/contests/{slug}", this.slug)
			.bodyValue(form)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.certificate.enabled")
			.isEqualTo(false)
			.jsonPath("$.certificate.minScore")
			.isEqualTo(15);
	}

	// --- helpers

	private WebTestClient.ResponseSpec createContest(Map<String, Object> certificate) {
		return organizer().post().uri("/api/admin/contests").bodyValue(form(certificate)).exchange();
	}

	private Map<String, Object> form(Map<String, Object> certificate) {
		Instant now = Instant.now();
		Map<String, Object> form = new HashMap<>();
		form.put("slug", this.slug);
		form.put("title", "Tìm hiểu Luật Hợp tác xã");
		form.put("law", "Luật Hợp tác xã số 17/2023/QH15");
		form.put("questionBank", IntegrationTest.CONTEST);
		form.put("opensAt", now.minus(Duration.ofHours(1)).toString());
		form.put("closesAt", now.plus(Duration.ofDays(7)).toString());
		form.put("timeLimitMinutes", 20);
		form.put("questionsPerAttempt", 20);
		form.put("maxAttemptsPerRound", 3);
		form.put("predictionQuestion", "Bao nhiêu bài thi đạt 20/20?");
		form.put("status", "OPEN");
		form.put("rounds", List.of(Map.of("number", 1, "name", "Tuần 1", "opensAt",
				now.minus(Duration.ofHours(1)).toString(), "closesAt", now.plus(Duration.ofDays(7)).toString())));
		form.put("units", new ArrayList<>(
				List.of(Map.of("code", "HP-LMHTX", "name", "Liên minh Hợp tác xã thành phố Hải Phòng"))));
		if (certificate != null) {
			form.put("certificate", certificate);
		}
		return form;
	}

	private AttemptStarted attempt(String phone, String name, int score) {
		Map<String, Object> registration = ExamFixtures.registration(phone);
		registration.put("fullName", name);
		AttemptStarted started = ExamFixtures.start(this.client, this.slug, registration)
			.expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
		ExamFixtures.submit(this.client, started, ExamFixtures.answers(started, this.bank, score, 20 - score, 1L))
			.expectStatus()
			.isOk();
		return started;
	}

	/** The contest's window and round ended a minute ago, past the submission grace. */
	private void close() {
		String contest = "(select id from contest where slug = '" + this.slug + "')";
		execute("update contest_round set closes_at = now() - interval '1 minute' where contest_id = " + contest);
		execute("update contest set closes_at = now() - interval '1 minute' where id = " + contest);
	}

	private WebTestClient.ResponseSpec status(AttemptStarted attempt) {
		return this.client.get()
			.uri("/api/attempts/{id}/certificate/status", attempt.attemptId())
			.header("X-Attempt-Token", attempt.token())
			.exchange();
	}

	private WebTestClient.ResponseSpec download(AttemptStarted attempt) {
		return this.client.get()
			.uri("/api/attempts/{id}/certificate", attempt.attemptId())
			.header("X-Attempt-Token", attempt.token())
			.exchange();
	}

	private byte[] pdf(AttemptStarted attempt) {
		return download(attempt).expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec verify(String code) {
		return this.client.get().uri("/api/certificates/{code}", code).exchange();
	}

	private static String code(String text) {
		Matcher code = CODE.matcher(text);
		assertThat(code.find()).as("a verification code in " + text).isTrue();
		return code.group();
	}

	private long certificates() {
		return this.database
			.sql("select count(*) from certificate c join contest k on k.id = c.contest_id where k.slug = :slug")
			.bind("slug", this.slug)
			.map((row, meta) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private void execute(String sql) {
		this.database.sql(sql).fetch().rowsUpdated().block();
	}

	private WebTestClient organizer() {
		return as("organizer", IntegrationTest.ORGANIZER_PASSWORD);
	}

	private WebTestClient committee() {
		return as("committee", IntegrationTest.COMMITTEE_PASSWORD);
	}

	private WebTestClient as(String user, String password) {
		return this.client.mutate().defaultHeaders((headers) -> headers.setBasicAuth(user, password)).build();
	}

}
