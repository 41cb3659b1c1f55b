package org.civiquiz.participant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent text is the contest's: organizers edit it, the contest page shows it with
 * its version, and each participant's row keeps the very text they agreed to, and when.
 */
@IntegrationTest
class ConsentIntegrationTests {

	private static final AtomicInteger contestNumber = new AtomicInteger();

	private static final String UNIT = "CT1";

	private static final String DISTRICT = "Huyện An Dương";

	private static final String TEXT_A = "Văn bản A: Ban tổ chức dùng họ tên, số điện thoại, đơn vị để trao giải.";

	private static final String TEXT_B = "Văn bản B: Ban tổ chức dùng họ tên, số điện thoại, đơn vị để trao giải,"
			+ " lưu 90 ngày.";

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private DatabaseClient database;

	private Map<Long, BankQuestion> bank;

	private String slug;

	@BeforeEach
	void newContest() {
		this.bank = ExamFixtures.bank(this.client);
		this.slug = ContestFixtures.openContest(this.contests, "consent-" + contestNumber.incrementAndGet(),
				List.of(DISTRICT), List.of(new NewUnit(UNIT, "Hợp tác xã An Dương", null, null)));
	}

	@Test
	void aContestWithoutATextOfItsOwnHasTheDefaultOneTheMigrationGaveEarlierContests() {
		String defaultText = this.contests.defaultConsentText();
		assertThat(defaultText).contains("180 ngày")
			.contains("họ và tên, số điện thoại, đơn vị, quận/huyện và năm sinh");
		assertThat(this.database.sql("select body from consent_text order by id limit 1")
			.map((row, meta) -> row.get("body", String.class))
			.one()
			.block()).isEqualTo(defaultText);
		for (String contest : List.of(IntegrationTest.CONTEST, this.slug)) {
			this.client.get()
				.uri("/api/contests/{slug}", contest)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.consentText")
				.isEqualTo(defaultText)
				.jsonPath("$.consentVersion")
				.isEqualTo(sha256(defaultText));
		}
		organizer().get()
			.uri("/api/admin/contests/{slug}", this.slug)
			.exchange()
			.expectBody()
			.jsonPath("$.consentText")
			.isEqualTo(defaultText);
	}

	@Test
	void eachPersonKeepsTheTextTheyAgreedToWhateverTheOrganizersWriteLater() {
		setText(TEXT_A).expectStatus().isOk().expectBody().jsonPath("$.consentText").isEqualTo(TEXT_A);
		publicText(TEXT_A);
		String first = ExamFixtures.newPhone();
		AttemptStarted firstAttempt = started(first, sha256(TEXT_A));
		assertThat(consent(first)).containsEntry("body", TEXT_A);
		Instant firstConsent = (Instant) consent(first).get("consent_at");

		setText(TEXT_B).expectStatus().isOk();
		publicText(TEXT_B);
		// a page that still shows text A: refused, nothing written, the page reloads the
		// text
		String second = ExamFixtures.newPhone();
		start(second, sha256(TEXT_A)).expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CONSENT_TEXT_CHANGED")
			.jsonPath("$.title")
			.isEqualTo("Nội dung đồng ý đã thay đổi");
		assertThat(count(second)).isZero();
		started(second, sha256(TEXT_B).toUpperCase(java.util.Locale.ROOT));
		assertThat(consent(second)).containsEntry("body", TEXT_B);
		// the first person agreed to A, and their row still says so
		assertThat(consent(first)).containsEntry("body", TEXT_A).containsEntry("consent_at", firstConsent);

		// a returning person agrees to the current text: the latest consent is recorded,
		// their first details stay
		ExamFixtures.submit(this.client, firstAttempt, ExamFixtures.answers(firstAttempt, this.bank, 10, 10, 1L))
			.expectStatus()
			.isOk();
		Map<String, Object> again = registration(first, sha256(TEXT_B));
		again.put("fullName", "Tên Khác Hẳn");
		ExamFixtures.start(this.client, this.slug, again).expectStatus().isCreated();
		assertThat(consent(first)).containsEntry("body", TEXT_B).containsEntry("full_name", "Nguyễn Thị Hồng Nhung");
		assertThat((Instant) consent(first).get("consent_at")).isAfter(firstConsent);

		// a client that names no version agrees to the current text
		String third = ExamFixtures.newPhone();
		started(third, null);
		assertThat(consent(third)).containsEntry("body", TEXT_B);
		// one row per distinct text
		assertThat(this.database.sql("select count(*) from consent_text where body in (:a, :b)")
			.bind("a", TEXT_A)
			.bind("b", TEXT_B)
			.map((row, meta) -> row.get(0, Long.class))
			.one()
			.block()).isEqualTo(2);
	}

	@Test
	void theTextIsStoredInOneFormAndAnEmptyOneMeansTheDefault() {
		// decomposed Vietnamese and Windows line ends: the same text, the same version
		String typed = "  " + Normalizer.normalize(TEXT_A, Normalizer.Form.NFD) + "\r\n\r\nĐoạn hai.  ";
		String stored = TEXT_A + "\n\nĐoạn hai.";
		setText(typed).expectStatus().isOk().expectBody().jsonPath("$.consentText").isEqualTo(stored);
		publicText(stored);

		// an edit that leaves the text out keeps it
		Map<String, Object> form = form();
		form.remove("consentText");
		form.put("title", "Tên mới");
		organizer().put().uri("/api/admin/contests/{slug}", this.slug).bodyValue(form).exchange().expectStatus().isOk();
		publicText(stored);

		setText(" ").expectStatus().isOk();
		publicText(this.contests.defaultConsentText());

		setText("x".repeat(10_001)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("consentText")
			.jsonPath("$.errors[0].code")
			.isEqualTo("TEXT_TOO_LONG");
	}

	@Test
	void aPageWithAnOutdatedTextIsToldSoInEnglishToo() {
		setText(TEXT_A).expectStatus().isOk();
		this.client.post()
			.uri("/api/contests/{slug}/attempts", this.slug)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration(ExamFixtures.newPhone(), sha256(TEXT_B)))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("The consent text has changed");
	}

	private WebTestClient.ResponseSpec setText(String text) {
		Map<String, Object> form = form();
		form.put("consentText", text);
		return organizer().put().uri("/api/admin/contests/{slug}", this.slug).bodyValue(form).exchange();
	}

	private Map<String, Object> form() {
		return organizer().get()
			.uri("/api/admin/contests/{slug}", this.slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private void publicText(String text) {
		this.client.get()
			.uri("/api/contests/{slug}", this.slug)
			.exchange()
			.expectBody()
			.jsonPath("$.consentText")
			.isEqualTo(text)
			.jsonPath("$.consentVersion")
			.isEqualTo(sha256(text));
	}

	private Map<String, Object> registration(String phone, String version) {
		Map<String, Object> body = ExamFixtures.registration(phone);
		body.put("unitCode", UNIT);
		body.put("district", DISTRICT);
		if (version != null) {
			body.put("consentVersion", version);
		}
		return body;
	}

	private WebTestClient.ResponseSpec start(String phone, String version) {
		return ExamFixtures.start(this.client, this.slug, registration(phone, version));
	}

	private AttemptStarted started(String phone, String version) {
		return start(phone, version).expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
	}

	/** The participant's consent: the text's body, the time, and their name. */
	private Map<String, Object> consent(String phone) {
		return this.database.sql("""
				select t.body, p.consent_at, p.full_name from participant p
				join consent_text t on t.id = p.consent_text_id
				join contest c on c.id = p.contest_id
				where c.slug = :slug and p.phone = :phone
				""")
			.bind("slug", this.slug)
			.bind("phone", PhoneNumbers.normalize(phone).orElseThrow())
			.map((row, meta) -> Map.<String, Object>of("body", row.get("body", String.class), "consent_at",
					row.get("consent_at", Instant.class), "full_name", row.get("full_name", String.class)))
			.one()
			.block();
	}

	private long count(String phone) {
		return this.database
			.sql("select count(*) from participant p join contest c on c.id = p.contest_id"
					+ " where c.slug = :slug and p.phone = :phone")
			.bind("slug", this.slug)
			.bind("phone", PhoneNumbers.normalize(phone).orElseThrow())
			.map((row, meta) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private WebTestClient organizer() {
		return this.client.mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.build();
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
