package org.civiquiz.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.contest.PhoneVerification;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civiquiz.exam.ExamFixtures.newPhone;
import static org.civiquiz.exam.ExamFixtures.registration;

/**
 * Every public endpoint under hostile input: malformed, truncated and oversized bodies,
 * wrong types, unknown and repeated fields, absurd values, injection strings, forged and
 * replayed tokens, requests too late. Each refusal is a 4xx
 * {@code application/problem+json} with the code a client can branch on, no trace of the
 * server's insides, and the database as it was. Input that is odd but valid (names in any
 * script, with markup or SQL in them) is stored as typed and shown escaped.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TOKEN = "X-Attempt-Token";

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private ContestService contests;

	@LocalServerPort
	private int port;

	private Map<Long, BankQuestion> bank;

	/** An open attempt that every refused submission is aimed at; it stays open. */
	private AttemptStarted victim;

	/** Another participant's open attempt. */
	private AttemptStarted other;

	/** A contest of its own, so that its board holds only the names put there. */
	private String namesContest;

	/** A contest that verifies phones. */
	private String phoneContest;

	@BeforeAll
	void startAttempts() {
		this.bank = ExamFixtures.bank(this.client);
		this.victim = ExamFixtures.started(this.client, newPhone());
		this.other = ExamFixtures.started(this.client, newPhone());
		this.namesContest = ContestFixtures.openContest(this.contests,
				"hostile-names-" + UUID.randomUUID().toString().substring(0, 8), List.of(),
				List.of(new NewUnit("U1", "Đơn vị <b>Một</b>", null, null)));
		this.phoneContest = ContestFixtures.openContest(this.contests,
				"hostile-phones-" + UUID.randomUUID().toString().substring(0, 8), List.of(),
				List.of(new NewUnit("U1", "Đơn vị Một", null, null)), PhoneVerification.REQUIRED);
	}

	// --- submissions ---

	Stream<Arguments> malformedSubmissions() {
		String deep = "[".repeat(2000) + "]".repeat(2000);
		return Stream.of(
				// syntax
				bad("truncated in the list", "{\"answers\": [", null),
				bad("truncated in an answer", (a) -> "{\"answers\":[{\"questionId\":" + q(a, 0) + ",", null),
				bad("a lone brace", "{", null), bad("form encoding", "answers=1&prediction=2", null),
				bad("XML", "<submission><answers/></submission>", null), bad("single quotes", "{'answers':[]}", null),
				bad("a trailing comma", "{\"answers\":[],}", null),
				bad("a second JSON value", "{\"answers\":[]} {\"answers\":[]}", null),
				bad("garbage after the value", "{\"answers\":[]} x", null),
				bad("a raw control character in a key", "{\"ans\u0001wers\":[]}", null),
				bad("nested 2000 deep", "{\"answers\":" + deep + "}", "answers[0]"),
				// not an object
				bad("an array", "[]", null), bad("a string", "\"answers\"", null), bad("a number", "42", null),
				bad("true", "true", null), bad("null", "null", null), bad("only spaces", "   ", null),
				// wrong types
				bad("prediction as a numeric string", "{\"prediction\":\"12\"}", "prediction"),
				bad("prediction as text", "{\"prediction\":\"12abc\"}", "prediction"),
				bad("prediction with a fraction", "{\"prediction\":12.5}", "prediction"),
				bad("prediction with an exponent", "{\"prediction\":1e3}", "prediction"),
				bad("prediction true", "{\"prediction\":true}", "prediction"),
				bad("prediction an empty string", "{\"prediction\":\"\"}", "prediction"),
				bad("prediction a list", "{\"prediction\":[1]}", "prediction"),
				bad("prediction an object", "{\"prediction\":{}}", "prediction"),
				bad("prediction past 2^63", "{\"prediction\":99999999999999999999999}", "prediction"),
				bad("answers a string", "{\"answers\":\"all\"}", "answers"),
				bad("answers an object", "{\"answers\":{\"questionId\":1}}", "answers"),
				bad("answers of numbers", "{\"answers\":[1,2]}", "answers[0]"),
				bad("answers of strings", "{\"answers\":[\"A\"]}", "answers[0]"),
				bad("answers of lists", (a) -> "{\"answers\":[[{\"questionId\":" + q(a, 0) + "}]]}", "answers[0]"),
				bad("questionId a string", (a) -> "{\"answers\":[{\"questionId\":\"" + q(a, 0) + "\",\"optionId\":1}]}",
						"answers[0].questionId"),
				bad("questionId a fraction", "{\"answers\":[{\"questionId\":1.5,\"optionId\":1}]}",
						"answers[0].questionId"),
				bad("questionId true", "{\"answers\":[{\"questionId\":true,\"optionId\":1}]}", "answers[0].questionId"),
				bad("optionId a string", (a) -> "{\"answers\":[{\"questionId\":" + q(a, 0) + ",\"optionId\":\"2\"}]}",
						"answers[0].optionId"),
				bad("optionId a fraction", (a) -> "{\"answers\":[{\"questionId\":" + q(a, 0) + ",\"optionId\":2.7}]}",
						"answers[0].optionId"),
				bad("optionId past 2^31",
						(a) -> "{\"answers\":[{\"questionId\":" + q(a, 0) + ",\"optionId\":99999999999}]}",
						"answers[0].optionId"),
				// unknown and repeated fields
				bad("an unknown field", "{\"answers\":[],\"score\":20}", "score"),
				bad("an unknown field in an answer",
						(a) -> "{\"answers\":[{\"questionId\":" + q(a, 0) + ",\"optionId\":1,\"correct\":true}]}",
						"answers[0].correct"),
				bad("a field in other letter case", "{\"Answers\":[]}", "Answers"),
				bad("a 5000-character field name", "{\"" + "k".repeat(5000) + "\":1}", "k".repeat(40) + "…"),
				bad("answers twice", "{\"answers\":[],\"answers\":[]}", "answers"),
				bad("prediction twice", "{\"prediction\":1,\"prediction\":2}", "prediction"),
				bad("optionId twice in an answer",
						(a) -> "{\"answers\":[{\"questionId\":" + q(a, 0) + ",\"optionId\":1,\"optionId\":2}]}",
						"answers[0].optionId"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("malformedSubmissions")
	void aMalformedSubmissionIsRefusedAndChangesNothing(String name, Function<AttemptStarted, String> body,
			String field) {
		String before = attemptRow(this.victim);
		JsonNode problem = refused(submitRaw(this.victim, body.apply(this.victim)), 400, "MALFORMED_REQUEST");
		if (field != null) {
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo(field);
			assertThat(problem.path("detail").asString()).contains("\"" + field + "\"");
		}
		assertThat(attemptRow(this.victim)).isEqualTo(before);
	}

	@Test
	void malformedJsonIsExplainedInVietnameseOrEnglish() {
		String body = "{\"answers\":[{\"questionId\":" + q(this.victim, 0) + ",\"optionId\":\"2\"}]}";
		JsonNode vietnamese = refused(submitRaw(this.victim, body), 400, "MALFORMED_REQUEST");
		assertThat(vietnamese.path("detail").asString())
			.isEqualTo("Trường \"answers[0].optionId\" phải là một số nguyên, không đặt trong dấu ngoặc kép.");
		assertThat(vietnamese.at("/errors/0/code").asString()).isEqualTo("WRONG_TYPE");
		assertThat(vietnamese.at("/errors/0/message").asString())
			.isEqualTo("Phải là một số nguyên, không đặt trong dấu ngoặc kép.");
		JsonNode english = refused(this.client.post()
			.uri("/api/attempts/{id}/submission", this.victim.attemptId())
			.header(TOKEN, this.victim.token())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"answers\":[],\"score\":20}")
			.exchange(), 400, "MALFORMED_REQUEST");
		assertThat(english.path("detail").asString())
			.isEqualTo("\"score\" is not a field of this request; leave it out and send again.");
		assertThat(english.at("/errors/0/code").asString()).isEqualTo("UNKNOWN_FIELD");
	}

	@Test
	void invalidUtf8IsMalformed() {
		byte[] body = "{\"answers\":[],\"x\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
		String before = attemptRow(this.victim);
		refused(this.client.post()
			.uri("/api/attempts/{id}/submission", this.victim.attemptId())
			.header(TOKEN, this.victim.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange(), 400, "MALFORMED_REQUEST");
		assertThat(attemptRow(this.victim)).isEqualTo(before);
	}

	Stream<Arguments> submissionsThatDoNotFit() {
		return Stream.of(
				refusal("another attempt's question", (a) -> answers(List.of(answer(foreignQuestion(a), 1))), 422,
						"QUESTION_NOT_IN_ATTEMPT", "answers[0].questionId"),
				refusal("question id 0", (a) -> answers(List.of(answer(0L, 1))), 422, "QUESTION_NOT_IN_ATTEMPT",
						"answers[0].questionId"),
				refusal("a negative question id", (a) -> answers(List.of(answer(-1L, 1))), 422,
						"QUESTION_NOT_IN_ATTEMPT", "answers[0].questionId"),
				refusal("question id 2^63-1", (a) -> answers(List.of(answer(Long.MAX_VALUE, 1))), 422,
						"QUESTION_NOT_IN_ATTEMPT", "answers[0].questionId"),
				refusal("no question id", (a) -> "{\"answers\":[{\"optionId\":1}]}", 422, "QUESTION_NOT_IN_ATTEMPT",
						"answers[0].questionId"),
				refusal("a null answer", (a) -> "{\"answers\":[null]}", 422, "QUESTION_NOT_IN_ATTEMPT",
						"answers[0].questionId"),
				refusal("one question twice", (a) -> answers(List.of(answer(q(a, 0), 1), answer(q(a, 0), 2))), 422,
						"ANSWER_DUPLICATE", "answers[1].questionId"),
				refusal("twenty answers to one question",
						(a) -> answers(IntStream.range(0, 20).mapToObj((i) -> answer(q(a, 0), 1)).toList()), 422,
						"ANSWER_DUPLICATE", "answers[1].questionId"),
				refusal("option 0", (a) -> answers(List.of(answer(q(a, 0), 0))), 422, "OPTION_UNKNOWN",
						"answers[0].optionId"),
				refusal("option 5", (a) -> answers(List.of(answer(q(a, 0), 5))), 422, "OPTION_UNKNOWN",
						"answers[0].optionId"),
				refusal("option -1", (a) -> answers(List.of(answer(q(a, 0), -1))), 422, "OPTION_UNKNOWN",
						"answers[0].optionId"),
				refusal("option 2^31-1", (a) -> answers(List.of(answer(q(a, 0), Integer.MAX_VALUE))), 422,
						"OPTION_UNKNOWN", "answers[0].optionId"),
				refusal("21 answers",
						(a) -> answers(IntStream.range(0, 21).mapToObj((i) -> answer(q(a, i % 20), 1)).toList()), 422,
						"TOO_MANY_ANSWERS", null),
				refusal("1500 answers",
						(a) -> answers(IntStream.range(0, 1500).mapToObj((i) -> answer(q(a, i % 20), 1)).toList()), 422,
						"TOO_MANY_ANSWERS", null),
				refusal("a negative prediction", (a) -> "{\"answers\":[],\"prediction\":-1}", 400, "VALIDATION_FAILED",
						"prediction"),
				refusal("a prediction past 100,000,000", (a) -> "{\"answers\":[],\"prediction\":100000001}", 400,
						"VALIDATION_FAILED", "prediction"),
				refusal("prediction 2^63-1", (a) -> "{\"prediction\":" + Long.MAX_VALUE + "}", 400, "VALIDATION_FAILED",
						"prediction"),
				refusal("prediction -2^63", (a) -> "{\"prediction\":" + Long.MIN_VALUE + "}", 400, "VALIDATION_FAILED",
						"prediction"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("submissionsThatDoNotFit")
	void answersThatDoNotFitTheAttemptAreRefusedAndChangeNothing(String name, Function<AttemptStarted, String> body,
			int status, String code, String field) {
		String before = attemptRow(this.victim);
		JsonNode problem = refused(submitRaw(this.victim, body.apply(this.victim)), status, code);
		if (field != null) {
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo(field);
		}
		assertThat(attemptRow(this.victim)).isEqualTo(before);
	}

	// --- body size ---

	@Test
	void aSubmissionOverTheBodyLimitIsRefusedBeforeItIsRead() {
		String before = attemptRow(this.victim);
		String padded = "{\"answers\":[]" + " ".repeat(70 * 1024) + "}";
		JsonNode problem = refused(submitRaw(this.victim, padded), 413, "PAYLOAD_TOO_LARGE");
		assertThat(problem.path("detail").asString()).isEqualTo("Nội dung yêu cầu quá lớn: tối đa 64 KB.");
		assertThat(attemptRow(this.victim)).isEqualTo(before);
	}

	@Test
	void aSubmissionStreamedWithoutALengthIsCutOffAtTheLimit() {
		String before = attemptRow(this.victim);
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		Flux<DataBuffer> chunks = Flux
			.concat(Flux.just("{\"answers\":["), Flux.range(0, 200).map((i) -> " ".repeat(1024)), Flux.just("]}"))
			.map((chunk) -> buffers.wrap(chunk.getBytes(StandardCharsets.UTF_8)));
		refused(this.client.post()
			.uri("/api/attempts/{id}/submission", this.victim.attemptId())
			.header(TOKEN, this.victim.token())
			.contentType(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromDataBuffers(chunks))
			.exchange(), 413, "PAYLOAD_TOO_LARGE");
		assertThat(attemptRow(this.victim)).isEqualTo(before);
	}

	@Test
	void aBodyJustUnderTheLimitIsReadAndJudgedOnItsContent() {
		String before = attemptRow(this.victim);
		String body = "{\"answers\":[],\"score\":1" + " ".repeat(64 * 1024 - 40) + "}";
		assertThat(body.length()).isLessThan(64 * 1024);
		refused(submitRaw(this.victim, body), 400, "MALFORMED_REQUEST");
		assertThat(attemptRow(this.victim)).isEqualTo(before);
	}

	@Test
	void aRegistrationOverTheBodyLimitWritesNothing() {
		String before = counts();
		Map<String, Object> body = new LinkedHashMap<>(registration(newPhone()));
		body.put("fullName", "Nguyễn " + "A".repeat(100 * 1024));
		refused(ExamFixtures.start(this.client, body), 413, "PAYLOAD_TOO_LARGE");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aDeclaredLengthOverTheLimitIsRefusedWithoutWaitingForTheBody() throws IOException {
		String before = attemptRow(this.victim);
		// only the headers are sent: a server that waited for the body would never answer
		String response = rawPost("/api/attempts/" + this.victim.attemptId() + "/submission", "application/json",
				10_000_000, TOKEN + ": " + this.victim.token());
		assertThat(response).startsWith("HTTP/1.1 413")
			.contains("application/problem+json")
			.contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
		assertThat(attemptRow(this.victim)).isEqualTo(before);
	}

	@Test
	void questionFilesHaveALargerLimitOfTheirOwn() throws IOException {
		// past the JSON limit (and the 256 KB codecs buffer by default) but within the
		// file limit: judged on its content
		byte[] file = ("code,text\n" + "Q-1,x\n".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
		assertThat(file.length).isGreaterThan(400 * 1024);
		refused(uploadQuestions(file), 422, "QUESTION_IMPORT_REJECTED");
		// past the file limit, even before signing in
		String response = rawPost("/api/admin/contests/" + IntegrationTest.CONTEST + "/questions", "text/csv",
				6 * 1024 * 1024, "X-Requested-With: XMLHttpRequest");
		assertThat(response).startsWith("HTTP/1.1 413")
			.contains("\"code\":\"PAYLOAD_TOO_LARGE\"")
			.contains("tối đa 5 MB");
	}

	/**
	 * Bytes 0x80-0x9F in a header the app reads (C1 controls, which the firewall refuses
	 * when the header is read) are the client's fault: 400, not 500.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "X-Attempt-Token", "X-Device-Id", "User-Agent" })
	void headerBytesTheFirewallRefusesAreABadRequest(String header) throws IOException {
		String path = "X-Attempt-Token".equals(header) ? "/api/attempts/" + this.victim.attemptId() + "/rank"
				: "/api/contests/" + IntegrationTest.CONTEST + "/attempts";
		String method = "X-Attempt-Token".equals(header) ? "GET" : "POST";
		String response = raw((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
				+ "\r\nContent-Length: 2\r\nConnection: close\r\n" + header + ": ab\u0085cd\u009f\r\n\r\n{}")
			.getBytes(StandardCharsets.ISO_8859_1));
		assertThat(response).startsWith("HTTP/1.1 400").contains("\"code\":\"HEADER_REJECTED\"");
	}

	/** Sends the headers of a POST with a declared length, and no body; the answer. */
	private String rawPost(String path, String contentType, long length, String header) throws IOException {
		return raw(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
				+ "\r\nContent-Length: " + length + "\r\n" + header + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
	}

	/** Sends the bytes as they are; the answer. */
	private String raw(byte[] request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	private WebTestClient.ResponseSpec uploadQuestions(byte[] file) {
		return this.client.post()
			.uri("/api/admin/contests/{slug}/questions", IntegrationTest.CONTEST)
			.headers((headers) -> headers.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(file)
			.exchange();
	}

	// --- tokens ---

	Stream<Arguments> badTokens() {
		List<Arguments> cases = new ArrayList<>();
		Map<String, Function<HostileInputIntegrationTests, String>> tokens = new LinkedHashMap<>();
		tokens.put("no token", (t) -> null);
		tokens.put("an empty token", (t) -> "");
		tokens.put("a forged token", (t) -> "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
		tokens.put("another attempt's token", (t) -> t.other.token());
		tokens.put("the token in upper case", (t) -> t.victim.token().toUpperCase(Locale.ROOT));
		tokens.put("the token and one more character", (t) -> t.victim.token() + "x");
		tokens.put("a 4000-character token", (t) -> "t".repeat(4000));
		Map<String, String> codes = Map.of("no token", "ATTEMPT_TOKEN_MISSING", "an empty token",
				"ATTEMPT_TOKEN_MISSING");
		for (String endpoint : List.of("submit", "view", "rank")) {
			tokens.forEach((name, token) -> {
				String code = codes.getOrDefault(name, "ATTEMPT_TOKEN_INVALID");
				cases.add(Arguments.of(endpoint + " with " + name, endpoint, token,
						code.endsWith("MISSING") ? 401 : 403, code));
			});
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("badTokens")
	void aWrongTokenIsRefusedAndChangesNothing(String name, String endpoint,
			Function<HostileInputIntegrationTests, String> token, int status, String code) {
		String before = attemptRow(this.victim);
		refused(call(endpoint, this.victim.attemptId().toString(), token.apply(this)), status, code);
		assertThat(attemptRow(this.victim)).isEqualTo(before);
	}

	@ParameterizedTest(name = "[{index}] {0} of an attempt that does not exist")
	@MethodSource("endpoints")
	void anUnknownAttemptIsNotFound(String endpoint) {
		refused(call(endpoint, UUID.randomUUID().toString(), this.victim.token()), 404, "ATTEMPT_NOT_FOUND");
	}

	@ParameterizedTest(name = "[{index}] {0} of attempt \"{1}\"")
	@MethodSource("nonUuids")
	void anAttemptIdThatIsNoUuidIsMalformed(String endpoint, String id) {
		JsonNode problem = refused(call(endpoint, id, this.victim.token()), 400, "MALFORMED_REQUEST");
		if (!id.contains("%")) {
			// (an encoded NUL is refused before any parameter is read)
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo("attemptId");
		}
	}

	Stream<String> endpoints() {
		return Stream.of("submit", "view", "rank");
	}

	Stream<Arguments> nonUuids() {
		return Stream.of("submit", "view", "rank")
			.flatMap((endpoint) -> Stream.of("not-a-uuid", "123", "' OR '1'='1", "%00")
				.map((id) -> Arguments.of(endpoint, id)));
	}

	@Test
	void aRankBeforeTheSubmissionIsRefused() {
		refused(call("rank", this.victim.attemptId().toString(), this.victim.token()), 409, "ATTEMPT_NOT_SUBMITTED");
	}

	@Test
	void aReplayedSubmissionGetsTheSameResultAndADifferentOneIsAConflict() {
		AttemptStarted attempt = ExamFixtures.started(this.client, newPhone());
		Map<String, Object> body = ExamFixtures.answers(attempt, this.bank, 7, 3, 42L);
		String first = ExamFixtures.submit(this.client, attempt, body)
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String accepted = attemptRow(attempt);
		for (int i = 0; i < 3; i++) {
			ExamFixtures.submit(this.client, attempt, body)
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo(first);
		}
		refused(ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, this.bank, 8, 3, 42L)), 409,
				"SUBMISSION_CONFLICT");
		refused(ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, this.bank, 7, 3, 43L)), 409,
				"SUBMISSION_CONFLICT");
		// a malformed replay is still malformed
		refused(submitRaw(attempt, "{\"answers\":[],\"score\":20}"), 400, "MALFORMED_REQUEST");
		assertThat(attemptRow(attempt)).isEqualTo(accepted);
	}

	// --- too late ---

	@Test
	void aSubmissionPastTheDeadlineAndGraceIsRefusedAndTheAttemptExpires() {
		AttemptStarted attempt = ExamFixtures.started(this.client, newPhone());
		this.database
			.sql("update attempt set started_at = now() - interval '30 minutes', "
					+ "deadline = now() - interval '16 seconds' where id = :id")
			.bind("id", attempt.attemptId())
			.fetch()
			.rowsUpdated()
			.block();
		refused(ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, this.bank, 20, 0, 1L)), 409,
				"ATTEMPT_EXPIRED");
		Map<String, Object> row = this.database
			.sql("select status, answers, score, prediction from attempt where id = :id")
			.bind("id", attempt.attemptId())
			.fetch()
			.one()
			.block();
		assertThat(row).containsEntry("status", "EXPIRED")
			.containsEntry("answers", null)
			.containsEntry("score", null)
			.containsEntry("prediction", null);
		// and stays so
		refused(ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, this.bank, 20, 0, 1L)), 409,
				"ATTEMPT_EXPIRED");
	}

	@Test
	void aClosedContestTakesNoSubmissionAndNoStart() {
		String slug = ownContest("closed");
		AttemptStarted attempt = started(slug);
		setContest(slug, "status = 'CLOSED'");
		String before = attemptRow(attempt);
		String counts = counts();
		refused(ExamFixtures.submit(this.client, attempt, Map.of("answers", List.of())), 409, "CONTEST_CLOSED");
		refused(ExamFixtures.start(this.client, slug, ownRegistration()), 409, "CONTEST_NOT_OPEN");
		assertThat(attemptRow(attempt)).isEqualTo(before);
		assertThat(counts()).isEqualTo(counts);
	}

	@Test
	void noStartAfterTheContestWindowOrOutsideARound() {
		String ended = ownContest("ended");
		setContest(ended, "closes_at = now() - interval '1 minute'");
		String between = ownContest("between");
		this.database
			.sql("update contest_round set closes_at = now() - interval '1 minute' "
					+ "where contest_id = (select id from contest where slug = :slug)")
			.bind("slug", between)
			.fetch()
			.rowsUpdated()
			.block();
		String draft = ownContest("draft");
		setContest(draft, "status = 'DRAFT'");
		String counts = counts();
		refused(ExamFixtures.start(this.client, ended, ownRegistration()), 409, "CONTEST_NOT_OPEN");
		refused(ExamFixtures.start(this.client, between, ownRegistration()), 409, "NO_OPEN_ROUND");
		// a draft looks like nothing: the same answer as a slug that does not exist
		refused(ExamFixtures.start(this.client, draft, ownRegistration()), 404, "CONTEST_NOT_FOUND");
		refused(ExamFixtures.start(this.client, "no-such-contest", ownRegistration()), 404, "CONTEST_NOT_FOUND");
		refused(this.client.get().uri("/api/contests/{slug}", draft).exchange(), 404, "CONTEST_NOT_FOUND");
		assertThat(counts()).isEqualTo(counts);
	}

	// --- registration ---

	Stream<Arguments> malformedRegistrations() {
		return Stream.of(withField("birthYear true", "birthYear", true, "birthYear"),
				withField("birthYear as a string", "birthYear", "1990", "birthYear"),
				withField("birthYear with a fraction", "birthYear", 1990.5, "birthYear"),
				withField("birthYear past 2^31", "birthYear", 99999999999L, "birthYear"),
				withField("birthYear a list", "birthYear", List.of(1990), "birthYear"),
				withField("consent as a string", "consent", "true", "consent"),
				withField("consent 1", "consent", 1, "consent"),
				withField("consent \"yes\"", "consent", "yes", "consent"),
				withField("fullName a number", "fullName", 123, "fullName"),
				withField("fullName true", "fullName", true, "fullName"),
				withField("fullName an object", "fullName", Map.of("first", "An"), "fullName"),
				withField("fullName a list", "fullName", List.of("Nguyễn", "An"), "fullName"),
				withField("phone a number", "phone", 912345678, "phone"),
				withField("an unknown field: role", "role", "ADMIN", "role"),
				withField("an unknown field: participantId", "participantId", 1, "participantId"),
				withField("an unknown field: score", "score", 20, "score"),
				rawRegistration("phone twice",
						(phone) -> "{\"fullName\":\"Nguyễn An\",\"phone\":\"" + phone
								+ "\",\"phone\":\"0912345678\",\"unitCode\":\"HP-LMHTX\","
								+ "\"district\":\"Quận Lê Chân\",\"birthYear\":1990,\"consent\":true}",
						"phone"),
				rawRegistration("truncated", (phone) -> "{\"fullName\":\"Nguyễn", null),
				rawRegistration("an array", (phone) -> "[]", null), rawRegistration("null", (phone) -> "null", null),
				rawRegistration("two objects", (phone) -> "{}{}", null));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("malformedRegistrations")
	void aMalformedRegistrationIsRefusedAndWritesNothing(String name, Function<String, String> body, String field) {
		String before = counts();
		JsonNode problem = refused(this.client.post()
			.uri("/api/contests/{slug}/attempts", IntegrationTest.CONTEST)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body.apply(newPhone()))
			.exchange(), 400, "MALFORMED_REQUEST");
		if (field != null) {
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo(field);
		}
		assertThat(counts()).isEqualTo(before);
	}

	Stream<Arguments> invalidRegistrations() {
		String tenThousand = "Nguyễn" + "n".repeat(9994);
		return Stream.of(invalid("fullName", "", "FIELD_REQUIRED"), invalid("fullName", "   ", "FIELD_REQUIRED"),
				invalid("fullName", "\u0000\u0001\u001f", "FIELD_REQUIRED"),
				invalid("fullName", tenThousand, "FULL_NAME_INVALID"), invalid("fullName", "A", "FULL_NAME_INVALID"),
				invalid("fullName", "12345", "FULL_NAME_INVALID"), invalid("fullName", "😀😀😀", "FULL_NAME_INVALID"),
				invalid("fullName", "'; --", "FULL_NAME_INVALID"), invalid("fullName", null, "FIELD_REQUIRED"),
				// a right-to-left override, a zero-width space, a byte order mark
				invalid("fullName", "Nguyễn \u202eAn Văn", "TEXT_INVISIBLE_CHARACTERS"),
				invalid("fullName", "Nguyễn\u200bVăn An", "TEXT_INVISIBLE_CHARACTERS"),
				invalid("fullName", "\ufeffNguyễn Văn An", "TEXT_INVISIBLE_CHARACTERS"),
				invalid("phone", "", "FIELD_REQUIRED"), invalid("phone", "9".repeat(10_000), "PHONE_INVALID"),
				invalid("phone", "0912'; DROP TABLE participant;--", "PHONE_INVALID"),
				invalid("phone", "٠٩١٢٣٤٥٦٧٨", "PHONE_INVALID"), invalid("phone", "0912\u0000345678", "PHONE_INVALID"),
				invalid("district", "", "FIELD_REQUIRED"), invalid("district", "Q".repeat(10_000), "DISTRICT_UNKNOWN"),
				invalid("district", "Quận Lê Chân' OR '1'='1", "DISTRICT_UNKNOWN"),
				invalid("unitCode", "", "FIELD_REQUIRED"), invalid("unitCode", "U".repeat(10_000), "UNIT_UNKNOWN"),
				invalid("unitCode", "HP-LMHTX' OR '1'='1", "UNIT_UNKNOWN"),
				invalid("email", "e".repeat(10_000) + "@example.org", "EMAIL_INVALID"),
				invalid("email", "<script>@x", "EMAIL_INVALID"),
				invalid("nationalId", "1".repeat(10_000), "NATIONAL_ID_INVALID"),
				invalid("nationalId", "03120400567X", "NATIONAL_ID_INVALID"),
				invalid("birthYear", null, "FIELD_REQUIRED"), invalid("birthYear", -1, "BIRTH_YEAR_INVALID"),
				invalid("birthYear", 0, "BIRTH_YEAR_INVALID"), invalid("birthYear", 3000, "BIRTH_YEAR_INVALID"),
				invalid("birthYear", Integer.MAX_VALUE, "BIRTH_YEAR_INVALID"),
				invalid("birthYear", Integer.MIN_VALUE, "BIRTH_YEAR_INVALID"),
				invalid("consent", false, "CONSENT_REQUIRED"), invalid("consent", null, "CONSENT_REQUIRED"));
	}

	@ParameterizedTest(name = "[{index}] {0} = {1}")
	@MethodSource("invalidRegistrations")
	void anInvalidRegistrationNamesTheFieldAndWritesNothing(String field, Object value, String code) {
		String before = counts();
		Map<String, Object> body = new LinkedHashMap<>(registration(newPhone()));
		body.put(field, value);
		JsonNode problem = refused(ExamFixtures.start(this.client, body), 400, "VALIDATION_FAILED");
		assertThat(problem.path("errors")).hasSize(1);
		assertThat(problem.at("/errors/0/field").asString()).isEqualTo(field);
		assertThat(problem.at("/errors/0/code").asString()).isEqualTo(code);
		assertThat(problem.at("/errors/0/message").asString()).isNotBlank();
		assertThat(counts()).isEqualTo(before);
	}

	Stream<Arguments> oddButValidNames() {
		return Stream.of(Arguments.of("Robert'); DROP TABLE participant;--"), Arguments.of("Nguyễn' OR '1'='1"),
				Arguments.of("<script>alert(1)</script> Nguyễn"), Arguments.of("\"><img src=x onerror=alert(1)> Lê"),
				Arguments.of("Trần {{7*7}} ${jndi:ldap://x}"), Arguments.of("محمد بن سلمان"),
				Arguments.of("דוד בן גוריון"), Arguments.of("Nguyễn محمد An"), Arguments.of("Phạm Văn 😀 An"),
				Arguments.of("Lê 👨‍👩‍👧 Hoa"), Arguments.of("Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng"),
				Arguments.of("Z\u0351\u0352\u0353\u0354algo Tra\u0302\u0300n"), Arguments.of("Đ" + "a".repeat(99)));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("oddButValidNames")
	void anOddButValidNameIsStoredAsTypedAndShownMaskedAndEscaped(String name) {
		String phone = newPhone();
		Map<String, Object> body = new LinkedHashMap<>(registration(phone));
		body.put("fullName", name);
		body.put("unitCode", "U1");
		body.put("district", "Quận <i>1</i>' OR '1'='1");
		AttemptStarted attempt = ExamFixtures.started(ExamFixtures.start(this.client, this.namesContest, body)
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		String expected = Normalizer.normalize(name, Normalizer.Form.NFC);
		Map<String, Object> stored = this.database
			.sql("select full_name, district from participant where phone = :phone and contest_id = "
					+ "(select id from contest where slug = :slug)")
			.bind("phone", "+84" + phone.substring(1))
			.bind("slug", this.namesContest)
			.fetch()
			.one()
			.block();
		assertThat(stored).containsEntry("full_name", expected).containsEntry("district", "Quận <i>1</i>' OR '1'='1");

		ExamFixtures.submit(this.client, attempt, Map.of("answers", List.of())).expectStatus().isOk();
		EntityExchangeResult<byte[]> board = this.client.get()
			.uri("/api/contests/{slug}/leaderboard?limit=100", this.namesContest)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.returnResult();
		JsonNode entries = JSON.readTree(board.getResponseBody()).path("entries");
		assertThat(entries.valueStream().map((entry) -> entry.path("name").asString()).toList())
			.contains(masked(expected));
		// the board is JSON, read as data: what looks like markup stays text
		assertThat(entries.valueStream().map((entry) -> entry.path("unitName").asString()))
			.contains("Đơn vị <b>Một</b>");
	}

	@Test
	void halfACharacterIsDroppedLikeAControlCharacter() {
		String phone = newPhone();
		Map<String, Object> body = new LinkedHashMap<>(registration(phone));
		// JSON may escape one half of a surrogate pair alone; no encoding can store it
		String json = JSON.writeValueAsString(body).replace("Nguyễn Thị", "Nguyễn \\ud83d Thị");
		this.client.post()
			.uri("/api/contests/{slug}/attempts", IntegrationTest.CONTEST)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(this.database.sql("select full_name from participant where phone = :phone")
			.bind("phone", "+84" + phone.substring(1))
			.map((row, meta) -> row.get(0, String.class))
			.one()
			.block()).isEqualTo("Nguyễn Thị Hồng Nhung");
	}

	// --- paths, parameters, media types ---

	Stream<Arguments> badPublicRequests() {
		String slug = IntegrationTest.CONTEST;
		return Stream.of(get("an unknown contest", "/api/contests/no-such-contest", 404, "CONTEST_NOT_FOUND"),
				get("a 1000-character contest slug", "/api/contests/" + "x".repeat(1000), 404, "CONTEST_NOT_FOUND"),
				get("a contest slug with a NUL", "/api/contests/a%00b", 400, "MALFORMED_REQUEST"),
				get("a contest slug in Vietnamese", "/api/contests/cu%E1%BB%99c-thi", 404, "CONTEST_NOT_FOUND"),
				get("a contest slug with SQL", "/api/contests/x'%20OR%20'1'='1", 404, "CONTEST_NOT_FOUND"),
				get("prizes of an unknown contest", "/api/contests/no-such-contest/prizes", 404, "CONTEST_NOT_FOUND"),
				get("prizes with a NUL in the slug", "/api/contests/%00/prizes", 400, "MALFORMED_REQUEST"),
				get("the board of an unknown contest", "/api/contests/no-such-contest/leaderboard", 404,
						"CONTEST_NOT_FOUND"),
				get("the board with a NUL in the slug", "/api/contests/%00/leaderboard", 400, "MALFORMED_REQUEST"),
				get("an encoded slash in the slug", "/api/contests/a%2Fb", 400, "MALFORMED_REQUEST"),
				get("a round that is not a number", "/api/contests/" + slug + "/leaderboard?round=abc", 400,
						"MALFORMED_REQUEST"),
				get("a round past 2^31", "/api/contests/" + slug + "/leaderboard?round=99999999999", 400,
						"MALFORMED_REQUEST"),
				get("a negative round", "/api/contests/" + slug + "/leaderboard?round=-1", 404, "ROUND_NOT_FOUND"),
				get("a round that does not exist", "/api/contests/" + slug + "/leaderboard?round=999", 404,
						"ROUND_NOT_FOUND"),
				get("a limit that is not a number", "/api/contests/" + slug + "/leaderboard?limit=abc", 400,
						"MALFORMED_REQUEST"),
				get("a limit with an exponent", "/api/contests/" + slug + "/leaderboard?limit=1e3", 400,
						"MALFORMED_REQUEST"),
				get("an unknown unit", "/api/contests/" + slug + "/leaderboard?unit=NOPE", 400, "VALIDATION_FAILED"),
				get("a 3000-character district", "/api/contests/" + slug + "/leaderboard?district=" + "d".repeat(3000),
						400, "VALIDATION_FAILED"),
				get("a district with a NUL", "/api/contests/" + slug + "/leaderboard?district=a%00b", 400,
						"VALIDATION_FAILED"),
				get("unit and district at once",
						"/api/contests/" + slug
								+ "/leaderboard?unit=HP-LMHTX&district=Qu%E1%BA%ADn%20L%C3%AA%20Ch%C3%A2n",
						400, "VALIDATION_FAILED"),
				get("an unknown API path", "/api/contests/" + slug + "/secrets", 404, "NOT_FOUND"),
				get("the live statistics stream without an account", "/api/admin/contests/" + slug + "/stats/stream",
						401, "UNAUTHORIZED"),
				request("a start in an unknown contest", HttpMethod.POST, "/api/contests/no-such-contest/attempts", 404,
						"CONTEST_NOT_FOUND"),
				request("PUT on a submission", HttpMethod.PUT, "/api/attempts/" + UUID.randomUUID() + "/submission",
						405, "METHOD_NOT_ALLOWED"),
				request("DELETE on a contest", HttpMethod.DELETE, "/api/contests/" + slug, 405, "METHOD_NOT_ALLOWED"),
				request("PATCH on the attempts", HttpMethod.PATCH, "/api/contests/" + slug + "/attempts", 405,
						"METHOD_NOT_ALLOWED"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("badPublicRequests")
	void aBadPublicRequestIsAProblem(String name, HttpMethod method, String uri, int status, String code) {
		String before = counts();
		WebTestClient.RequestBodySpec request = this.client.method(method)
			.uri(absolute(uri))
			.header("X-Requested-With", "XMLHttpRequest");
		WebTestClient.ResponseSpec response = (method == HttpMethod.GET) ? request.exchange()
				: request.contentType(MediaType.APPLICATION_JSON).bodyValue(registration(newPhone())).exchange();
		refused(response, status, code);
		assertThat(counts()).isEqualTo(before);
	}

	Stream<Arguments> wrongMediaTypes() {
		return Stream.of("submit", "start")
			.flatMap((endpoint) -> Stream.of(
					Arguments.of(endpoint, "text/plain", "{\"answers\":[]}", 415, "UNSUPPORTED_MEDIA_TYPE"),
					Arguments.of(endpoint, "application/xml", "<answers/>", 415, "UNSUPPORTED_MEDIA_TYPE"),
					Arguments.of(endpoint, "application/x-www-form-urlencoded", "answers=1", 415,
							"UNSUPPORTED_MEDIA_TYPE"),
					Arguments.of(endpoint, "multipart/form-data; boundary=x", "--x--", 415, "UNSUPPORTED_MEDIA_TYPE"),
					Arguments.of(endpoint, "application/octet-stream", "{}", 415, "UNSUPPORTED_MEDIA_TYPE"),
					Arguments.of(endpoint, "text/html", "<p>{}</p>", 415, "UNSUPPORTED_MEDIA_TYPE"),
					Arguments.of(endpoint, null, "{}", 415, "UNSUPPORTED_MEDIA_TYPE"),
					Arguments.of(endpoint, "application/json", "", 400, "MALFORMED_REQUEST")));
	}

	@ParameterizedTest(name = "[{index}] {0} as \"{1}\"")
	@MethodSource("wrongMediaTypes")
	void aBodyThatIsNotJsonIsRefused(String endpoint, String contentType, String body, int status, String code) {
		String before = counts();
		String row = attemptRow(this.victim);
		WebTestClient.RequestBodySpec request = endpoint.equals("submit")
				? this.client.post()
					.uri("/api/attempts/{id}/submission", this.victim.attemptId())
					.header(TOKEN, this.victim.token())
				: this.client.post().uri("/api/contests/{slug}/attempts", IntegrationTest.CONTEST);
		if (contentType != null) {
			request = request.header(HttpHeaders.CONTENT_TYPE, contentType);
		}
		refused(body.isEmpty() ? request.exchange()
				: request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange(), status, code);
		assertThat(counts()).isEqualTo(before);
		assertThat(attemptRow(this.victim)).isEqualTo(row);
	}

	// --- organizers' text ---

	Stream<Arguments> organizersTextWithControlCharacters() {
		return Stream.of(Arguments.of("title", "Cuộc thi\u0000", "title"),
				Arguments.of("description", "Giới thiệu\u0000", "description"),
				Arguments.of("predictionQuestion", "Bao nhiêu\u001b[2J?", "predictionQuestion"),
				Arguments.of("districts", List.of("Quận\u0000 1"), "districts[0]"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("organizersTextWithControlCharacters")
	void anOrganizersTextWithControlCharactersIsRefusedNotAServerError(String field, Object value,
			String expectedField) {
		Map<String, Object> form = new LinkedHashMap<>(this.client.get()
			.uri("/api/admin/contests/{slug}", IntegrationTest.CONTEST)
			.headers((headers) -> headers.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody());
		form.put("slug", "hostile-text-" + UUID.randomUUID().toString().substring(0, 8));
		form.put("status", "DRAFT");
		form.put(field, value);
		String contests = contestCount();
		JsonNode problem = refused(this.client.post()
			.uri("/api/admin/contests")
			.headers((headers) -> headers.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(form)
			.exchange(), 400, "VALIDATION_FAILED");
		assertThat(problem.at("/errors/0/field").asString()).isEqualTo(expectedField);
		assertThat(problem.at("/errors/0/code").asString()).isIn("TEXT_INVALID", "LIST_ITEM_INVALID");
		assertThat(contestCount()).isEqualTo(contests);
	}

	@Test
	void aQuestionFileWithAControlCharacterIsRefusedNotAServerError() {
		String questions = questionCount();
		String file = "code,chapter,article,text,option_a,option_b,option_c,option_d,correct,explanation\n"
				+ "HOSTILE-1,1,1,Câu hỏi\u0000?,A,B,C,D,A,\n";
		JsonNode problem = refused(uploadQuestions(file.getBytes(StandardCharsets.UTF_8)), 422,
				"QUESTION_IMPORT_REJECTED");
		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("line 2: text");
		assertThat(problem.at("/errors/0/code").asString()).isEqualTo("TEXT_INVALID");
		assertThat(questionCount()).isEqualTo(questions);
	}

	private String questionCount() {
		return this.database.sql("select count(*)::text from question")
			.map((row, meta) -> row.get(0, String.class))
			.one()
			.block();
	}

	private String contestCount() {
		return this.database.sql("select count(*)::text from contest")
			.map((row, meta) -> row.get(0, String.class))
			.one()
			.block();
	}

	// --- phone verification ---

	Stream<Arguments> hostilePhoneCodeRequests() {
		String send = "phone-codes";
		String verify = "phone-codes/verify";
		return Stream.of(
				// not the JSON expected
				Arguments.of(send, "{\"phone\":912345678}", 400, "MALFORMED_REQUEST", "phone"),
				Arguments.of(send, "{\"phone\":[\"0912345678\"]}", 400, "MALFORMED_REQUEST", "phone"),
				Arguments.of(send, "{\"phone\":\"0912345678\",\"role\":\"ADMIN\"}", 400, "MALFORMED_REQUEST", "role"),
				Arguments.of(send, "{\"phone\":\"0912", 400, "MALFORMED_REQUEST", null),
				Arguments.of(send, "[]", 400, "MALFORMED_REQUEST", null),
				Arguments.of(verify, "{\"phone\":\"0912345678\",\"code\":123456}", 400, "MALFORMED_REQUEST", "code"),
				Arguments.of(verify, "{\"phone\":\"0912345678\",\"code\":\"123456\",\"code\":\"654321\"}", 400,
						"MALFORMED_REQUEST", "code"),
				Arguments.of(verify, "{\"phone\":\"0912345678\",\"code\":\"123456\",\"tries\":0}", 400,
						"MALFORMED_REQUEST", "tries"),
				// absurd values
				Arguments.of(send, "{\"phone\":\"0912'; DROP TABLE participant;--\"}", 400, "VALIDATION_FAILED",
						"phone"),
				Arguments.of(send, "{\"phone\":\"" + "9".repeat(10_000) + "\"}", 400, "VALIDATION_FAILED", "phone"),
				Arguments.of(send, "{\"phone\":\"0912\\u0000345678\"}", 400, "VALIDATION_FAILED", "phone"),
				Arguments.of(send, "{}", 400, "VALIDATION_FAILED", "phone"),
				Arguments.of(verify, "{\"phone\":\"0912345678\",\"code\":\"' OR '1'='1\"}", 400, "VALIDATION_FAILED",
						"code"),
				Arguments.of(verify, "{\"phone\":\"0912345678\",\"code\":\"" + "1".repeat(10_000) + "\"}", 400,
						"VALIDATION_FAILED", "code"),
				Arguments.of(verify, "{\"phone\":\"0912345678\",\"code\":\"12345\\u0000\"}", 400, "VALIDATION_FAILED",
						"code"),
				Arguments.of(verify, "{\"phone\":\"<script>\",\"code\":null}", 400, "VALIDATION_FAILED", "phone"),
				// no code to try
				Arguments.of(verify, "{\"phone\":\"0912345678\",\"code\":\"000000\"}", 409, "PHONE_CODE_EXPIRED",
						null));
	}

	@ParameterizedTest(name = "[{index}] {0}: {1}")
	@MethodSource("hostilePhoneCodeRequests")
	void aHostilePhoneCodeRequestIsAProblemAndSendsNothing(String endpoint, String body, int status, String code,
			String field) {
		String before = counts();
		JsonNode problem = refused(this.client.post()
			.uri("/api/contests/{slug}/" + endpoint, this.phoneContest)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchange(), status, code);
		if (field != null) {
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo(field);
		}
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void phoneCodesOfAContestThatIsNotThereOrNotVerifyingAreProblems() {
		String body = "{\"phone\":\"0912345678\"}";
		refused(this.client.post()
			.uri("/api/contests/no-such-contest/phone-codes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange(), 404, "CONTEST_NOT_FOUND");
		refused(this.client.post()
			.uri("/api/contests/{slug}/phone-codes", IntegrationTest.CONTEST)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange(), 409, "PHONE_VERIFICATION_OFF");
		refused(this.client.get().uri("/api/contests/{slug}/phone-codes", this.phoneContest).exchange(), 405,
				"METHOD_NOT_ALLOWED");
		refused(this.client.post()
			.uri("/api/contests/{slug}/phone-codes", this.phoneContest)
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue(body)
			.exchange(), 415, "UNSUPPORTED_MEDIA_TYPE");
	}

	Stream<Arguments> forgedPhoneTokens() {
		return Stream.of(Arguments.of("x".repeat(20_000)), Arguments.of("9999999999.' OR '1'='1"),
				Arguments.of("4102444800." + "A".repeat(43)), Arguments.of("-1.abc"), Arguments.of(""),
				Arguments.of("1.\u0000"), Arguments.of("١٢٣.abc"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("forgedPhoneTokens")
	void aForgedPhoneTokenProvesNothingAndWritesNothing(String token) {
		String before = counts();
		Map<String, Object> body = ownRegistration();
		body.put("phoneToken", token);
		refused(ExamFixtures.start(this.client, this.phoneContest, body), 403, "PHONE_NOT_VERIFIED");
		body.put("phoneToken", 12345);
		refused(ExamFixtures.start(this.client, this.phoneContest, body), 400, "MALFORMED_REQUEST");
		assertThat(counts()).isEqualTo(before);
	}

	// --- helpers ---

	private WebTestClient.ResponseSpec submitRaw(AttemptStarted attempt, String body) {
		return this.client.post()
			.uri("/api/attempts/{id}/submission", attempt.attemptId())
			.header(TOKEN, attempt.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private WebTestClient.ResponseSpec call(String endpoint, String attemptId, String token) {
		String path = switch (endpoint) {
			case "submit" -> "/api/attempts/" + attemptId + "/submission";
			case "view" -> "/api/attempts/" + attemptId;
			default -> "/api/attempts/" + attemptId + "/rank";
		};
		WebTestClient.RequestBodySpec request = this.client
			.method(endpoint.equals("submit") ? HttpMethod.POST : HttpMethod.GET)
			.uri(absolute(path.replace("'", "%27").replace(" ", "%20")));
		if (token != null) {
			request = request.header(TOKEN, token);
		}
		return endpoint.equals("submit")
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"answers\":[]}").exchange()
				: request.exchange();
	}

	/**
	 * The refusal every hostile request must get: the status, problem+json, the code, a
	 * title and detail, and nothing of the server's insides or of a huge input.
	 */
	static JsonNode refused(WebTestClient.ResponseSpec response, int status, String code) {
		EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
		String body = (result.getResponseBody() != null) ? new String(result.getResponseBody(), StandardCharsets.UTF_8)
				: "";
		assertThat(result.getStatus().value()).as(body).isEqualTo(status);
		assertThat(result.getResponseHeaders().getContentType()).as(body).isNotNull();
		assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.as(body)
			.isTrue();
		assertNoInsides(body);
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.path("code").asString()).as(body).isEqualTo(code);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).as(body).isNotBlank();
		return problem;
	}

	private static void assertNoInsides(String body) {
		assertThat(body.length()).as("a problem never echoes a huge input").isLessThan(4096);
		assertThat(body).doesNotContain("Exception", "\tat ", "java.", "tools.jackson", "org.springframework",
				"org.civiquiz", "trace", "r2dbc", "SQL");
	}

	/** The URI exactly as written, percent-encodings included. */
	private java.net.URI absolute(String path) {
		return java.net.URI.create("http://localhost:" + this.port + path);
	}

	private String attemptRow(AttemptStarted attempt) {
		return this.database.sql("select row_to_json(a)::text from attempt a where id = :id")
			.bind("id", attempt.attemptId())
			.map((row, meta) -> row.get(0, String.class))
			.one()
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

	private String ownContest(String what) {
		return ContestFixtures.openContest(this.contests,
				"hostile-" + what + "-" + UUID.randomUUID().toString().substring(0, 8), List.of(),
				List.of(new NewUnit("U1", "Đơn vị Một", null, null)));
	}

	private void setContest(String slug, String assignment) {
		this.database.sql("update contest set " + assignment + " where slug = :slug")
			.bind("slug", slug)
			.fetch()
			.rowsUpdated()
			.block();
	}

	private AttemptStarted started(String slug) {
		return ExamFixtures.started(ExamFixtures.start(this.client, slug, ownRegistration())
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	private static Map<String, Object> ownRegistration() {
		Map<String, Object> body = new LinkedHashMap<>(registration(newPhone()));
		body.put("unitCode", "U1");
		return body;
	}

	/** Family name and initials, as the public boards show a person. */
	private static String masked(String name) {
		String[] words = name.strip().split("\\s+");
		Function<String, String> initial = (
				word) -> word.substring(0, word.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT) + ".";
		if (words.length == 1) {
			return initial.apply(words[0]);
		}
		return Stream.concat(Stream.of(words[0]), Arrays.stream(words, 1, words.length).map(initial))
			.collect(Collectors.joining(" "));
	}

	private static long q(AttemptStarted attempt, int index) {
		return attempt.questions().get(index).id();
	}

	private long foreignQuestion(AttemptStarted attempt) {
		return this.other.questions()
			.stream()
			.map(AttemptStarted.ExamQuestion::id)
			.filter((id) -> attempt.questions().stream().noneMatch((question) -> question.id() == id))
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, Object> answer(long questionId, int optionId) {
		return Map.of("questionId", questionId, "optionId", optionId);
	}

	private static String answers(List<Map<String, Object>> answers) {
		return JSON.writeValueAsString(Map.of("answers", answers));
	}

	private static Arguments bad(String name, String body, String field) {
		return bad(name, (attempt) -> body, field);
	}

	private static Arguments bad(String name, Function<AttemptStarted, String> body, String field) {
		return Arguments.of(name, body, field);
	}

	private Arguments refusal(String name, Function<AttemptStarted, String> body, int status, String code,
			String field) {
		return Arguments.of(name, body, status, code, field);
	}

	private static Arguments withField(String name, String field, Object value, String expectedField) {
		Function<String, String> body = (phone) -> {
			Map<String, Object> registration = new LinkedHashMap<>(registration(phone));
			registration.put(field, value);
			return JSON.writeValueAsString(registration);
		};
		return Arguments.of(name, body, expectedField);
	}

	private static Arguments rawRegistration(String name, Function<String, String> body, String field) {
		return Arguments.of(name, body, field);
	}

	private static Arguments invalid(String field, Object value, String code) {
		return Arguments.of(field, value, code);
	}

	private static Arguments get(String name, String uri, int status, String code) {
		return request(name, HttpMethod.GET, uri, status, code);
	}

	private static Arguments request(String name, HttpMethod method, String uri, int status, String code) {
		return Arguments.of(name, method, uri, status, code);
	}

}
