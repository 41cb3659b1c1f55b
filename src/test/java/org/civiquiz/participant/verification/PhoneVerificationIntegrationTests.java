package org.civiquiz.participant.verification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.contest.PhoneVerification;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.civiquiz.participant.verification.PhoneCodeFixtures.lastCode;
import static org.civiquiz.participant.verification.PhoneCodeFixtures.phoneToken;
import static org.civiquiz.participant.verification.PhoneCodeFixtures.send;
import static org.civiquiz.participant.verification.PhoneCodeFixtures.verify;
import static org.civiquiz.participant.verification.PhoneCodeFixtures.wrong;

/**
 * Phone verification with the log-only sender: a code sent, wrong codes and their tries,
 * a burnt code, a replaced code, the proof a start needs and what it proves, what Redis
 * keeps, and the contests that take phones as typed. Each test on a contest of its own.
 * Expiry and the limits on codes are in {@link PhoneCodeLimitsIntegrationTests}.
 */
@IntegrationTest
class PhoneVerificationIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger contestNumber = new AtomicInteger();

	private static final String DISTRICT = "Quận Hồng Bàng";

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private PhoneCodeSender sender;

	@Autowired
	private PhoneTokens tokens;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@LocalServerPort
	private int port;

	private String slug;

	@BeforeEach
	void verifyingContest() {
		this.slug = contest(PhoneVerification.REQUIRED);
	}

	@Test
	void aCodeIsSentAndTheRightOneLetsThePhoneStart() {
		String phone = ExamFixtures.newPhone();
		Instant asked = Instant.now();
		JsonNode sent = body(send(this.client, this.slug, phone).expectStatus().isAccepted());
		assertThat(Instant.parse(sent.path("expiresAt").asString()))
			.isBetween(asked.plus(Duration.ofMinutes(5)).minusSeconds(1), Instant.now().plus(Duration.ofMinutes(5)));
		assertThat(sent.path("maxTries").asInt()).isEqualTo(5);

		// without the proof, nothing is written
		String counts = counts();
		problem(start(phone, null), 403, "PHONE_NOT_VERIFIED");
		assertThat(counts()).isEqualTo(counts);

		// the code, entered for the phone written another way
		String code = lastCode(this.sender, phone);
		assertThat(code).matches("\\d{6}");
		JsonNode verified = body(
				verify(this.client, this.slug, "+84 " + phone.substring(1), code).expectStatus().isOk());
		String token = verified.path("phoneToken").asString();
		assertThat(Instant.parse(verified.path("expiresAt").asString()))
			.isCloseTo(Instant.now().plus(Duration.ofHours(2)), within(Duration.ofMinutes(1)));

		AttemptStarted attempt = ExamFixtures.started(start(phone, token).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(this.database.sql("select phone_verified from attempt where id = :id")
			.bind("id", attempt.attemptId())
			.map((row, meta) -> row.get(0, Boolean.class))
			.one()
			.block()).isTrue();

		// a code is used once
		problem(verify(this.client, this.slug, phone, code), 409, "PHONE_CODE_EXPIRED");
		// the proof is the phone's for its validity: the next attempt needs no new code
		ExamFixtures.submit(this.client, attempt, Map.of("answers", List.of())).expectStatus().isOk();
		start(phone, token).expectStatus().isCreated();
	}

	@Test
	void aWrongCodeSaysHowManyTriesAreLeftAndTheRightOneStillWorks() {
		String phone = ExamFixtures.newPhone();
		send(this.client, this.slug, phone).expectStatus().isAccepted();
		String code = lastCode(this.sender, phone);

		JsonNode first = problem(verify(this.client, this.slug, phone, wrong(code)), 422, "PHONE_CODE_WRONG");
		assertThat(first.path("triesLeft").asInt()).isEqualTo(4);
		assertThat(first.path("detail").asString()).isEqualTo("Mã xác minh không đúng. Bạn còn 4 lần nhập.");
		JsonNode second = problem(this.client.post()
			.uri("/api/contests/{slug}/phone-codes/verify", this.slug)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("phone", phone, "code", wrong(code)))
			.exchange(), 422, "PHONE_CODE_WRONG");
		assertThat(second.path("triesLeft").asInt()).isEqualTo(3);
		assertThat(second.path("detail").asString()).isEqualTo("That is not the code. You have 3 tries left.");

		verify(this.client, this.slug, phone, code).expectStatus().isOk();
	}

	@Test
	void theFifthWrongTryBurnsTheCodeAndOnlyANewCodeHelps() {
		String phone = ExamFixtures.newPhone();
		send(this.client, this.slug, phone).expectStatus().isAccepted();
		String code = lastCode(this.sender, phone);
		for (int left = 4; left >= 1; left--) {
			assertThat(problem(verify(this.client, this.slug, phone, wrong(code)), 422, "PHONE_CODE_WRONG")
				.path("triesLeft")
				.asInt()).isEqualTo(left);
		}
		problem(verify(this.client, this.slug, phone, wrong(code)), 409, "PHONE_CODE_TRIES_EXCEEDED");
		// the right code, too late
		problem(verify(this.client, this.slug, phone, code), 409, "PHONE_CODE_TRIES_EXCEEDED");

		send(this.client, this.slug, phone).expectStatus().isAccepted();
		verify(this.client, this.slug, phone, lastCode(this.sender, phone)).expectStatus().isOk();
	}

	@Test
	void guessesSentAtOnceGetFiveTriesInAll() {
		String phone = ExamFixtures.newPhone();
		send(this.client, this.slug, phone).expectStatus().isAccepted();
		String code = lastCode(this.sender, phone);
		// all at once, on the connections' event loops (a thread blocked per request
		// would
		// take the threads the server's Redis calls run on)
		WebClient web = WebClient.create("http://localhost:" + this.port);
		List<Integer> statuses = Flux.range(0, 20)
			.flatMap((i) -> web.post()
				.uri("/api/contests/{slug}/phone-codes/verify", this.slug)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("phone", phone, "code", wrong(code)))
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())))
			.collectList()
			.block(Duration.ofSeconds(30));
		// four wrong tries with tries left, the fifth burns the code, the rest find it
		// burnt
		assertThat(statuses).filteredOn((status) -> status == 422).hasSize(4);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(16);
		problem(verify(this.client, this.slug, phone, code), 409, "PHONE_CODE_TRIES_EXCEEDED");
	}

	@Test
	void askingAgainReplacesTheCodeAndItsTries() {
		String phone = ExamFixtures.newPhone();
		send(this.client, this.slug, phone).expectStatus().isAccepted();
		String first = lastCode(this.sender, phone);
		problem(verify(this.client, this.slug, phone, wrong(first)), 422, "PHONE_CODE_WRONG");
		String second = first;
		while (second.equals(first)) {
			send(this.client, this.slug, phone).expectStatus().isAccepted();
			second = lastCode(this.sender, phone);
		}
		JsonNode problem = problem(verify(this.client, this.slug, phone, first), 422, "PHONE_CODE_WRONG");
		assertThat(problem.path("triesLeft").asInt()).as("the new code's tries").isEqualTo(4);
		verify(this.client, this.slug, phone, second).expectStatus().isOk();
	}

	@Test
	void aProofIsForItsPhoneItsContestAndItsTimeOnly() {
		String phone = ExamFixtures.newPhone();
		String token = phoneToken(this.client, this.sender, this.slug, phone);
		String counts = counts();

		problem(start(ExamFixtures.newPhone(), token), 403, "PHONE_NOT_VERIFIED");
		String other = contest(PhoneVerification.REQUIRED);
		problem(ExamFixtures.start(this.client, other, registration(phone, token)), 403, "PHONE_NOT_VERIFIED");
		char last = token.charAt(token.length() - 1);
		problem(start(phone, token.substring(0, token.length() - 1) + ((last == 'A') ? 'B' : 'A')), 403,
				"PHONE_NOT_VERIFIED");
		String[] parts = token.split("\\.");
		problem(start(phone, (Long.parseLong(parts[0]) + 3600) + "." + parts[1]), 403, "PHONE_NOT_VERIFIED");
		long contestId = this.database.sql("select id from contest where slug = :slug")
			.bind("slug", this.slug)
			.map((row, meta) -> row.get(0, Long.class))
			.one()
			.block();
		String expired = this.tokens
			.issue(contestId, "+84" + phone.substring(1), Instant.now().minus(Duration.ofHours(2)).minusSeconds(1))
			.phoneToken();
		problem(start(phone, expired), 403, "PHONE_NOT_VERIFIED");
		problem(start(phone, "x".repeat(5000)), 403, "PHONE_NOT_VERIFIED");
		assertThat(counts()).isEqualTo(counts);

		start(phone, token).expectStatus().isCreated();
	}

	@Test
	void codesAreKeptHashedAndOnlyWhileTheyMayBeEntered() {
		String phone = ExamFixtures.newPhone();
		send(this.client, this.slug, phone).expectStatus().isAccepted();
		String code = lastCode(this.sender, phone);
		List<String> keys = codeKeys();
		assertThat(keys).hasSize(1);
		String key = keys.get(0);
		for (String written : List.of(phone, phone.substring(1), code)) {
			assertThat(key).doesNotContain(written);
		}
		Map<Object, Object> stored = this.redis.opsForHash()
			.entries(key)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block();
		assertThat(stored).containsOnlyKeys("h", "t").containsEntry("t", "0");
		assertThat(stored.get("h").toString()).hasSize(64).doesNotContain(code);
		assertThat(this.redis.getExpire(key).block()).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));

		verify(this.client, this.slug, phone, code).expectStatus().isOk();
		assertThat(codeKeys()).isEmpty();
	}

	@Test
	void badInputIsAFieldErrorAndUsesNoTry() {
		String phone = ExamFixtures.newPhone();
		JsonNode invalid = problem(send(this.client, this.slug, "12345"), 400, "VALIDATION_FAILED");
		assertThat(invalid.at("/errors/0/field").asString()).isEqualTo("phone");
		assertThat(invalid.at("/errors/0/code").asString()).isEqualTo("PHONE_INVALID");
		assertThat(problem(send(this.client, this.slug, " "), 400, "VALIDATION_FAILED").at("/errors/0/code").asString())
			.isEqualTo("FIELD_REQUIRED");
		problem(this.client.post()
			.uri("/api/contests/{slug}/phone-codes", this.slug)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"phone\":912345678}")
			.exchange(), 400, "MALFORMED_REQUEST");

		send(this.client, this.slug, phone).expectStatus().isAccepted();
		String code = lastCode(this.sender, phone);
		for (String bad : List.of("12345", "1234567", "12a456", "١٢٣٤٥٦")) {
			JsonNode problem = problem(verify(this.client, this.slug, phone, bad), 400, "VALIDATION_FAILED");
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo("code");
			assertThat(problem.at("/errors/0/code").asString()).isEqualTo("PHONE_CODE_INVALID");
			assertThat(problem.at("/errors/0/message").asString()).isEqualTo("Mã xác minh gồm 6 chữ số.");
		}
		assertThat(problem(verify(this.client, this.slug, phone, ""), 400, "VALIDATION_FAILED").at("/errors/0/code")
			.asString()).isEqualTo("FIELD_REQUIRED");
		assertThat(
				problem(verify(this.client, this.slug, phone, wrong(code)), 422, "PHONE_CODE_WRONG").path("triesLeft")
					.asInt())
			.isEqualTo(4);
		// a code asked for no phone: nothing to try
		problem(verify(this.client, this.slug, ExamFixtures.newPhone(), code), 409, "PHONE_CODE_EXPIRED");
	}

	@Test
	void aContestThatTakesPhonesAsTypedSendsNoCodes() {
		String open = contest(PhoneVerification.OFF);
		String phone = ExamFixtures.newPhone();
		problem(send(this.client, open, phone), 409, "PHONE_VERIFICATION_OFF");
		problem(verify(this.client, open, phone, "123456"), 409, "PHONE_VERIFICATION_OFF");
		AttemptStarted attempt = ExamFixtures.started(ExamFixtures.start(this.client, open, registration(phone, null))
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(this.database.sql("select phone_verified from attempt where id = :id")
			.bind("id", attempt.attemptId())
			.map((row, meta) -> row.get(0, Boolean.class))
			.one()
			.block()).isFalse();

		problem(send(this.client, "no-such-contest", phone), 404, "CONTEST_NOT_FOUND");
		// a round that has closed: no message is worth sending
		this.database
			.sql("update contest_round set closes_at = now() - interval '1 minute'"
					+ " where contest_id = (select id from contest where slug = :slug)")
			.bind("slug", this.slug)
			.fetch()
			.rowsUpdated()
			.block();
		problem(send(this.client, this.slug, phone), 409, "NO_OPEN_ROUND");
		// a draft is not found, as everywhere in the public API
		this.database.sql("update contest set status = 'DRAFT' where slug = :slug")
			.bind("slug", this.slug)
			.fetch()
			.rowsUpdated()
			.block();
		problem(send(this.client, this.slug, phone), 404, "CONTEST_NOT_FOUND");
		problem(verify(this.client, this.slug, phone, "123456"), 404, "CONTEST_NOT_FOUND");
	}

	@Test
	void organizersTurnVerificationOnAndOffAndThePublicContestSaysWhich() {
		assertThat(body(this.client.get().uri("/api/contests/{slug}", this.slug).exchange().expectStatus().isOk())
			.path("phoneVerification")
			.asString()).isEqualTo("REQUIRED");
		WebTestClient organizer = this.client.mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.build();
		JsonNode form = body(
				organizer.get().uri("/api/admin/contests/{slug}", this.slug).exchange().expectStatus().isOk());
		assertThat(form.path("phoneVerification").asString()).isEqualTo("REQUIRED");

		// an edit that leaves it out keeps it
		Map<String, Object> edit = JSON.convertValue(form, new TypeReference<Map<String, Object>>() {
		});
		edit.remove("phoneVerification");
		edit.put("title", "Đổi tên");
		assertThat(body(organizer.put()
			.uri("/api/admin/contests/{slug}", this.slug)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(edit)
			.exchange()
			.expectStatus()
			.isOk()).path("phoneVerification").asString()).isEqualTo("REQUIRED");

		edit.put("phoneVerification", "OFF");
		organizer.put()
			.uri("/api/admin/contests/{slug}", this.slug)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(edit)
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(body(this.client.get().uri("/api/contests/{slug}", this.slug).exchange().expectStatus().isOk())
			.path("phoneVerification")
			.asString()).isEqualTo("OFF");
		start(ExamFixtures.newPhone(), null).expectStatus().isCreated();

		edit.put("phoneVerification", "SOMETIMES");
		JsonNode refused = problem(organizer.put()
			.uri("/api/admin/contests/{slug}", this.slug)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(edit)
			.exchange(), 400, "MALFORMED_REQUEST");
		assertThat(refused.at("/errors/0/field").asString()).isEqualTo("phoneVerification");
	}

	private String contest(PhoneVerification verification) {
		return ContestFixtures.openContest(this.contests, "phone-" + contestNumber.incrementAndGet(), List.of(DISTRICT),
				List.of(new NewUnit("P1", "Hợp tác xã Nông nghiệp Đồng Tâm", null, null)), verification);
	}

	private WebTestClient.ResponseSpec start(String phone, String token) {
		return ExamFixtures.start(this.client, this.slug, registration(phone, token));
	}

	private static Map<String, Object> registration(String phone, String token) {
		Map<String, Object> registration = new HashMap<>(ExamFixtures.registration(phone));
		registration.put("unitCode", "P1");
		registration.put("district", DISTRICT);
		if (token != null) {
			registration.put("phoneToken", token);
		}
		return registration;
	}

	private List<String> codeKeys() {
		return this.redis
			.scan(ScanOptions.scanOptions().match("civiquiz:{" + this.slug + "}:phone-code:*").count(500).build())
			.collectList()
			.block();
	}

	/** How many participants and attempts there are. */
	private String counts() {
		return this.database.sql(
				"select (select count(*) from participant) || ' participants, ' || (select count(*) from attempt) || ' attempts'")
			.map((row, meta) -> row.get(0, String.class))
			.one()
			.block();
	}

	private static JsonNode body(WebTestClient.ResponseSpec response) {
		return JSON.readTree(response.expectBody().returnResult().getResponseBody());
	}

	/** A problem+json refusal with its status and code, and a title and detail. */
	static JsonNode problem(WebTestClient.ResponseSpec response, int status, String code) {
		EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
		String body = new String(result.getResponseBody(), StandardCharsets.UTF_8);
		assertThat(result.getStatus().value()).as(body).isEqualTo(status);
		assertThat(result.getResponseHeaders().getContentType()).as(body).isNotNull();
		assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.as(body)
			.isTrue();
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.path("code").asString()).as(body).isEqualTo(code);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		return problem;
	}

}
