package org.civiquiz.exam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.civiquiz.IntegrationTest;
import org.civiquiz.platform.EmbeddedServers;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civiquiz.exam.ExamFixtures.answers;
import static org.civiquiz.exam.ExamFixtures.newPhone;
import static org.civiquiz.exam.ExamFixtures.registration;
import static org.civiquiz.exam.ExamFixtures.start;
import static org.civiquiz.exam.ExamFixtures.started;
import static org.civiquiz.exam.ExamFixtures.submit;

/**
 * Exams taken over HTTP against the real embedded PostgreSQL and Redis.
 */
@IntegrationTest
class ExamIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	private Map<Long, BankQuestion> bank;

	@BeforeEach
	void loadBank() {
		this.bank = ExamFixtures.bank(this.client);
	}

	@Test
	void fullMarksAreStoredInPostgresAndRankedInRedis() {
		AttemptStarted attempt = started(this.client, newPhone());
		assertThat(attempt.questions()).hasSize(20);
		assertThat(attempt.deadline()).isAfter(attempt.startedAt());
		assertThat(attempt.predictionQuestion()).contains("20/20");

		SubmissionResult result = submit(this.client, attempt, answers(attempt, this.bank, 20, 0, 4700L)).expectStatus()
			.isOk()
			.expectBody(SubmissionResult.class)
			.returnResult()
			.getResponseBody();

		assertThat(result.score()).isEqualTo(20);
		assertThat(result.total()).isEqualTo(20);
		assertThat(result.durationMs()).isGreaterThanOrEqualTo(0);
		Map<String, Object> row = row(attempt.attemptId());
		assertThat(row).containsEntry("status", "SUBMITTED")
			.containsEntry("score", (short) 20)
			.containsEntry("prediction", 4700L);
		String key = "civiquiz:{" + IntegrationTest.CONTEST + "}:leaderboard:round:" + row.get("round_id");
		Double ranked = this.redis.opsForZSet().score(key, row.get("participant_id").toString()).block();
		assertThat(ranked).isNotNull();
		assertThat((long) (double) ranked >>> 48).isEqualTo(20);
	}

	@Test
	void partialAnswersScoreOnlyTheCorrectOnes() {
		AttemptStarted attempt = started(this.client, newPhone());
		submit(this.client, attempt, answers(attempt, this.bank, 12, 5, 100L)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.score")
			.isEqualTo(12)
			.jsonPath("$.total")
			.isEqualTo(20);
		assertThat(row(attempt.attemptId()).get("answers")).isInstanceOf(Short[].class);
	}

	@Test
	void emptySubmissionScoresZero() {
		AttemptStarted attempt = started(this.client, newPhone());
		submit(this.client, attempt, Map.of("answers", List.of())).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.score")
			.isEqualTo(0);
		assertThat(row(attempt.attemptId())).containsEntry("score", (short) 0).containsEntry("prediction", null);
	}

	@Test
	void resendingTheSameSubmissionReturnsTheSameResult() {
		AttemptStarted attempt = started(this.client, newPhone());
		Map<String, Object> body = answers(attempt, this.bank, 15, 3, 4000L);
		SubmissionResult first = submit(this.client, attempt, body).expectStatus()
			.isOk()
			.expectBody(SubmissionResult.class)
			.returnResult()
			.getResponseBody();
		SubmissionResult second = submit(this.client, attempt, body).expectStatus()
			.isOk()
			.expectBody(SubmissionResult.class)
			.returnResult()
			.getResponseBody();
		assertThat(second).isEqualTo(first);
	}

	@Test
	void aDifferentSubmissionAfterAcceptanceIsAConflict() {
		AttemptStarted attempt = started(this.client, newPhone());
		submit(this.client, attempt, answers(attempt, this.bank, 5, 0, 10L)).expectStatus().isOk();
		expectProblem(submit(this.client, attempt, answers(attempt, this.bank, 20, 0, 10L)), HttpStatus.CONFLICT,
				"SUBMISSION_CONFLICT");
		expectProblem(submit(this.client, attempt, answers(attempt, this.bank, 5, 0, 11L)), HttpStatus.CONFLICT,
				"SUBMISSION_CONFLICT");
		assertThat(row(attempt.attemptId())).containsEntry("score", (short) 5).containsEntry("prediction", 10L);
	}

	@Test
	void aLateSubmissionIsRefusedAndTheAttemptExpires() {
		AttemptStarted attempt = started(this.client, newPhone());
		this.database.sql(
				"update attempt set started_at = now() - interval '30 minutes', deadline = now() - interval '1 minute' where id = :id")
			.bind("id", attempt.attemptId())
			.fetch()
			.rowsUpdated()
			.block();
		expectProblem(submit(this.client, attempt, answers(attempt, this.bank, 20, 0, 1L)), HttpStatus.CONFLICT,
				"ATTEMPT_EXPIRED");
		assertThat(row(attempt.attemptId())).containsEntry("status", "EXPIRED").containsEntry("score", null);
	}

	@Test
	void aSubmissionWithinTheGraceIsAcceptedWithItsDurationCapped() {
		AttemptStarted attempt = started(this.client, newPhone());
		this.database.sql(
				"update attempt set started_at = now() - interval '20 minutes 5 seconds', deadline = now() - interval '5 seconds' where id = :id")
			.bind("id", attempt.attemptId())
			.fetch()
			.rowsUpdated()
			.block();
		submit(this.client, attempt, answers(attempt, this.bank, 3, 0, 1L)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.durationMs")
			.isEqualTo(20 * 60 * 1000);
	}

	@Test
	void answersThatDoNotFitTheAttemptAreRefusedAndChangeNothing() {
		AttemptStarted attempt = started(this.client, newPhone());
		AttemptStarted other = started(this.client, newPhone());
		long foreign = other.questions()
			.stream()
			.map(AttemptStarted.ExamQuestion::id)
			.filter((id) -> attempt.questions().stream().noneMatch((q) -> q.id() == id))
			.findFirst()
			.orElseThrow();
		long own = attempt.questions().get(0).id();

		expectProblem(
				submit(this.client, attempt, Map.of("answers", List.of(Map.of("questionId", foreign, "optionId", 1)))),
				HttpStatus.UNPROCESSABLE_CONTENT, "QUESTION_NOT_IN_ATTEMPT")
			.jsonPath("$.errors[0].field")
			.isEqualTo("answers[0].questionId");
		expectProblem(
				submit(this.client, attempt, Map.of("answers", List.of(Map.of("questionId", own, "optionId", 7)))),
				HttpStatus.UNPROCESSABLE_CONTENT, "OPTION_UNKNOWN");
		expectProblem(
				submit(this.client, attempt,
						Map.of("answers",
								List.of(Map.of("questionId", own, "optionId", 1),
										Map.of("questionId", own, "optionId", 2)))),
				HttpStatus.UNPROCESSABLE_CONTENT, "ANSWER_DUPLICATE");
		expectProblem(submit(this.client, attempt, Map.of("answers", List.of(), "prediction", -1)),
				HttpStatus.BAD_REQUEST, "VALIDATION_FAILED")
			.jsonPath("$.errors[0].code")
			.isEqualTo("PREDICTION_INVALID");
		assertThat(row(attempt.attemptId())).containsEntry("status", "OPEN").containsEntry("answers", null);

		submit(this.client, attempt, answers(attempt, this.bank, 20, 0, 1L)).expectStatus().isOk();
	}

	@Test
	void malformedJsonIsAProblemNotAServerError() {
		AttemptStarted attempt = started(this.client, newPhone());
		expectProblem(this.client.post()
			.uri("/api/attempts/{id}/submission", attempt.attemptId())
			.header(ExamController.TOKEN_HEADER, attempt.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"answers\": [")
			.exchange(), HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
		expectProblem(this.client.post()
			.uri("/api/attempts/{id}/submission", attempt.attemptId())
			.header(ExamController.TOKEN_HEADER, attempt.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"answers\": \"all\"}")
			.exchange(), HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
		assertThat(row(attempt.attemptId())).containsEntry("status", "OPEN");
	}

	@Test
	void moreAnswersThanQuestionsAreRefusedWithoutListingEachOne() {
		AttemptStarted attempt = started(this.client, newPhone());
		List<Map<String, Object>> flood = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			flood.add(Map.of("questionId", attempt.questions().get(i % 20).id(), "optionId", 1));
		}
		expectProblem(submit(this.client, attempt, Map.of("answers", flood)), HttpStatus.UNPROCESSABLE_CONTENT,
				"TOO_MANY_ANSWERS")
			.jsonPath("$.detail")
			.isEqualTo("Bài thi có 20 câu hỏi nhưng lần nộp có 5.000 câu trả lời.");
		assertThat(row(attempt.attemptId())).containsEntry("status", "OPEN");
	}

	@Test
	void badPathsAreProblemsToo() {
		expectProblem(
				this.client.get().uri("/api/attempts/not-a-uuid").header(ExamController.TOKEN_HEADER, "x").exchange(),
				HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
		expectProblem(this.client.get().uri("/api/no-such-thing").exchange(), HttpStatus.NOT_FOUND, "NOT_FOUND");
		expectProblem(this.client.delete().uri("/api/contests").exchange(), HttpStatus.METHOD_NOT_ALLOWED,
				"METHOD_NOT_ALLOWED");
		expectProblem(this.client.post()
			.uri("/api/contests/{slug}/attempts", IntegrationTest.CONTEST)
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("hello")
			.exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void theTokenGuardsTheAttempt() {
		AttemptStarted attempt = started(this.client, newPhone());
		expectProblem(this.client.post()
			.uri("/api/attempts/{id}/submission", attempt.attemptId())
			.header(ExamController.TOKEN_HEADER, attempt.token() + "x")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("answers", List.of()))
			.exchange(), HttpStatus.FORBIDDEN, "ATTEMPT_TOKEN_INVALID");
		expectProblem(this.client.post()
			.uri("/api/attempts/{id}/submission", attempt.attemptId())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("answers", List.of()))
			.exchange(), HttpStatus.UNAUTHORIZED, "ATTEMPT_TOKEN_MISSING");
		expectProblem(this.client.get()
			.uri("/api/attempts/{id}", UUID.randomUUID())
			.header(ExamController.TOKEN_HEADER, attempt.token())
			.exchange(), HttpStatus.NOT_FOUND, "ATTEMPT_NOT_FOUND");
		assertThat(row(attempt.attemptId())).containsEntry("status", "OPEN");
	}

	@Test
	void theAttemptCanBeReloadedWithoutItsAnswersAndThenShowsItsResult() {
		AttemptStarted attempt = started(this.client, newPhone());
		AttemptView open = this.client.get()
			.uri("/api/attempts/{id}", attempt.attemptId())
			.header(ExamController.TOKEN_HEADER, attempt.token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(AttemptView.class)
			.returnResult()
			.getResponseBody();
		assertThat(open.status()).isEqualTo(AttemptStatus.OPEN);
		assertThat(open.questions()).isEqualTo(attempt.questions());
		assertThat(open.deadline()).isEqualTo(attempt.deadline());

		submit(this.client, attempt, answers(attempt, this.bank, 7, 1, 5L)).expectStatus().isOk();
		this.client.get()
			.uri("/api/attempts/{id}", attempt.attemptId())
			.header(ExamController.TOKEN_HEADER, attempt.token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SUBMITTED")
			.jsonPath("$.result.score")
			.isEqualTo(7)
			.jsonPath("$.questions")
			.doesNotExist();
	}

	@Test
	void oneOpenAttemptAtATimeAndAtMostThreePerRound() {
		String phone = newPhone();
		AttemptStarted first = started(this.client, phone);
		expectProblem(start(this.client, registration(phone)), HttpStatus.CONFLICT, "ATTEMPT_IN_PROGRESS");
		submit(this.client, first, Map.of("answers", List.of())).expectStatus().isOk();
		for (int i = 0; i < 2; i++) {
			AttemptStarted next = started(this.client, phone);
			submit(this.client, next, Map.of("answers", List.of())).expectStatus().isOk();
		}
		expectProblem(start(this.client, registration(phone)), HttpStatus.CONFLICT, "ATTEMPT_LIMIT_REACHED");
		assertThat(count(
				"select count(*) from attempt a join participant p on p.id = a.participant_id where p.phone = :phone",
				"+84" + phone.substring(1)))
			.isEqualTo(3);
	}

	@Test
	void anExpiredOpenAttemptDoesNotBlockTheNextStart() {
		String phone = newPhone();
		AttemptStarted first = started(this.client, phone);
		this.database.sql(
				"update attempt set started_at = now() - interval '40 minutes', deadline = now() - interval '20 minutes' where id = :id")
			.bind("id", first.attemptId())
			.fetch()
			.rowsUpdated()
			.block();
		started(this.client, phone);
		assertThat(row(first.attemptId())).containsEntry("status", "EXPIRED");
	}

	@Test
	void concurrentStartsForOnePhoneLetExactlyOneWin() throws Exception {
		String phone = newPhone();
		int racers = 8;
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				// each racer writes the phone its own way: still one person
				String notation = (i % 2 == 0) ? phone : "+84 " + phone.substring(1);
				Callable<Integer> racer = () -> {
					go.await();
					return start(this.client, registration(notation)).returnResult(String.class).getStatus().value();
				};
				results.add(pool.submit(racer));
			}
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).containsOnly(201, 409);
			assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		String canonical = "+84" + phone.substring(1);
		assertThat(count("select count(*) from participant where phone = :phone", canonical)).isEqualTo(1);
		assertThat(count(
				"select count(*) from attempt a join participant p on p.id = a.participant_id where p.phone = :phone",
				canonical))
			.isEqualTo(1);
	}

	@Test
	void aClosedContestRefusesSubmissions() {
		AttemptStarted attempt = started(this.client, newPhone());
		setContestStatus("CLOSED");
		try {
			expectProblem(submit(this.client, attempt, answers(attempt, this.bank, 20, 0, 1L)), HttpStatus.CONFLICT,
					"CONTEST_CLOSED");
			expectProblem(start(this.client, registration(newPhone())), HttpStatus.CONFLICT, "CONTEST_NOT_OPEN");
		}
		finally {
			setContestStatus("OPEN");
		}
		assertThat(row(attempt.attemptId())).containsEntry("status", "OPEN");
	}

	@Test
	void aRedisOutageDoesNotFailTheSubmission() {
		AttemptStarted attempt = started(this.client, newPhone());
		EmbeddedServers.stopRedis();
		try {
			submit(this.client, attempt, answers(attempt, this.bank, 18, 2, 4700L)).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.score")
				.isEqualTo(18);
		}
		finally {
			EmbeddedServers.restartRedis();
		}
		assertThat(row(attempt.attemptId())).containsEntry("status", "SUBMITTED").containsEntry("score", (short) 18);
		// once Redis is back (Lettuce reconnects by itself), the client's retry ranks it
		Map<String, Object> row = row(attempt.attemptId());
		String key = "civiquiz:{" + IntegrationTest.CONTEST + "}:leaderboard:round:" + row.get("round_id");
		Double ranked = null;
		for (int i = 0; i < 60 && ranked == null; i++) {
			submit(this.client, attempt, answers(attempt, this.bank, 18, 2, 4700L)).expectStatus().isOk();
			ranked = this.redis.opsForZSet()
				.score(key, row.get("participant_id").toString())
				.onErrorResume((ex) -> reactor.core.publisher.Mono.empty())
				.delayElement(Duration.ofMillis(1))
				.switchIfEmpty(reactor.core.publisher.Mono.delay(Duration.ofMillis(500))
					.then(reactor.core.publisher.Mono.empty()))
				.block();
		}
		assertThat(ranked).isNotNull();
		assertThat((long) (double) ranked >>> 48).isEqualTo(18);
	}

	private void setContestStatus(String status) {
		this.database.sql("update contest set status = :status where slug = :slug")
			.bind("status", status)
			.bind("slug", IntegrationTest.CONTEST)
			.fetch()
			.rowsUpdated()
			.block();
	}

	private Map<String, Object> row(UUID attemptId) {
		return this.database.sql("select * from attempt where id = :id").bind("id", attemptId).fetch().one().block();
	}

	private long count(String sql, String phone) {
		return this.database.sql(sql).bind("phone", phone).map((r, m) -> r.get(0, Long.class)).one().block();
	}

	static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, HttpStatus status,
			String code) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(code)
			.jsonPath("$.title")
			.isNotEmpty()
			.jsonPath("$.status")
			.isEqualTo(status.value());
	}

}
