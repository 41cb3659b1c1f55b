package org.civiquiz.exam;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.civiquiz.IntegrationTest;
import org.civiquiz.exam.attempt.AttemptStatus;
import org.civiquiz.exam.events.AttemptEvents;
import org.civiquiz.exam.web.ExamController;
import org.civiquiz.platform.embedded.EmbeddedServers;
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
public class ExamIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private MeterRegistry meters;

	private Map<Long, BankQuestion> bank;

	@BeforeEach
	void loadBank() {
		this.bank = ExamFixtures.bank(this.client);
	}

	@Test
	void fullMarksAreStoredInPostgresAndRankedInRedis() {
		double missedBefore = missedAnnouncements();
		Instant before = Instant.now();
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
		assertThat(result.durationMs()).isBetween(0, (int) Duration.between(before, Instant.now()).toMillis());
		Map<String, Object> row = row(attempt.attemptId());
		assertThat(row).containsEntry("status", "SUBMITTED")
			.containsEntry("score", (short) 20)
			.containsEntry("prediction", 4700L);
		String key = "civiquiz:{" + IntegrationTest.CONTEST + "}:lb:round:1";
		Double ranked = this.redis.opsForZSet().score(key, row.get("participant_id").toString()).block();
		assertThat(ranked).isNotNull();
		assertThat((long) (double) ranked >>> 48).isEqualTo(20);
		assertThat(missedAnnouncements()).as("the leaderboard missed no submission").isEqualTo(missedBefore);
	}

	@Test
	void concurrentSubmissionsOfOneAttemptCountOnce() throws Exception {
		AttemptStarted attempt = started(this.client, newPhone());
		Map<String, Object> same = answers(attempt, this.bank, 11, 2, 300L);
		List<Integer> statuses = race(6,
				(i) -> submit(this.client, attempt, (i < 4) ? same : answers(attempt, this.bank, 20, 0, 300L))
					.returnResult(String.class)
					.getStatus()
					.value());
		// whichever arrived first was accepted; the others are its resends (200) or
		// conflicts (409)
		assertThat(statuses).containsOnly(200, 409).contains(200);
		Map<String, Object> row = row(attempt.attemptId());
		assertThat(row).containsEntry("status", "SUBMITTED");
		assertThat(row.get("score")).isIn((short) 11, (short) 20);
		long accepted = statuses.stream().filter((status) -> status == 200).count();
		assertThat(accepted).isEqualTo(((short) row.get("score") == 11) ? 4 : 2);
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
		moveIntoThePast(attempt, "30 minutes", "1 minute");
		expectProblem(submit(this.client, attempt, answers(attempt, this.bank, 20, 0, 1L)), HttpStatus.CONFLICT,
				"ATTEMPT_EXPIRED");
		assertThat(row(attempt.attemptId())).containsEntry("status", "EXPIRED").containsEntry("score", null);
	}

	@Test
	void readingAnOverdueAttemptClosesItAsExpired() {
		AttemptStarted attempt = started(this.client, newPhone());
		moveIntoThePast(attempt, "30 minutes", "1 minute");
		this.client.get()
			.uri("/api/attempts/{id}", attempt.attemptId())
			.header(ExamController.TOKEN_HEADER, attempt.token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("EXPIRED")
			.jsonPath("$.questions")
			.doesNotExist();
		assertThat(row(attempt.attemptId())).containsEntry("status", "EXPIRED");
	}

	@Test
	void theDeadlineIsCutShortByTheEndOfTheRound() {
		long round = this.database.sql(
				"select r.id from contest_round r join contest c on c.id = r.contest_id where c.slug = :slug and r.number = 1")
			.bind("slug", IntegrationTest.CONTEST)
			.map((r, m) -> r.get(0, Long.class))
			.one()
			.block();
		Instant closes = this.database.sql("select closes_at from contest_round where id = :id")
			.bind("id", round)
			.map((r, m) -> r.get(0, Instant.class))
			.one()
			.block();
		Instant soon = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
		setRoundCloses(round, soon);
		try {
			AttemptStarted attempt = started(this.client, newPhone());
			assertThat(attempt.deadline()).isEqualTo(soon);
		}
		finally {
			setRoundCloses(round, closes);
		}
	}

	@Test
	void aSubmissionWithinTheGraceIsAcceptedWithItsDurationCapped() {
		AttemptStarted attempt = started(this.client, newPhone());
		moveIntoThePast(attempt, "20 minutes 5 seconds", "5 seconds");
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
		// as many as fit in the body limit (64 KB)
		for (int i = 0; i < 1500; i++) {
			flood.add(Map.of("questionId", attempt.questions().get(i % 20).id(), "optionId", 1));
		}
		expectProblem(submit(this.client, attempt, Map.of("answers", flood)), HttpStatus.UNPROCESSABLE_CONTENT,
				"TOO_MANY_ANSWERS")
			.jsonPath("$.detail")
			.isEqualTo("Bài thi có 20 câu hỏi nhưng lần nộp có 1.500 câu trả lời.");
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
		moveIntoThePast(first, "40 minutes", "20 minutes");
		started(this.client, phone);
		assertThat(row(first.attemptId())).containsEntry("status", "EXPIRED");
	}

	@Test
	void concurrentStartsForOnePhoneLetExactlyOneWin() throws Exception {
		String phone = newPhone();
		// each racer writes the phone its own way: still one person
		List<Integer> statuses = race(8,
				(i) -> start(this.client, registration((i % 2 == 0) ? phone : "+84 " + phone.substring(1)))
					.returnResult(String.class)
					.getStatus()
					.value());
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
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
		String key = "civiquiz:{" + IntegrationTest.CONTEST + "}:lb:round:1";
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

	/** Makes the attempt look started and due that long ago (PostgreSQL intervals). */
	private void moveIntoThePast(AttemptStarted attempt, String startedAgo, String deadlineAgo) {
		this.database.sql(
				"update attempt set started_at = now() - cast(:started as interval), deadline = now() - cast(:deadline as interval) where id = :id")
			.bind("started", startedAgo)
			.bind("deadline", deadlineAgo)
			.bind("id", attempt.attemptId())
			.fetch()
			.rowsUpdated()
			.block();
	}

	private void setRoundCloses(long round, Instant closes) {
		this.database.sql("update contest_round set closes_at = :closes where id = :id")
			.bind("closes", closes)
			.bind("id", round)
			.fetch()
			.rowsUpdated()
			.block();
	}

	private double missedAnnouncements() {
		return this.meters.find(AttemptEvents.MISSED_ANNOUNCEMENTS)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	/** Runs the same call from several threads at once; returns what each got. */
	private static List<Integer> race(int racers, java.util.function.IntFunction<Integer> call) throws Exception {
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				int racer = i;
				Callable<Integer> task = () -> {
					go.await();
					return call.apply(racer);
				};
				results.add(pool.submit(task));
			}
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
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

	public static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, HttpStatus status,
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
