package org.civiquiz.exam.autosave;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.exam.ExamProperties;
import org.civiquiz.exam.attempt.AttemptRepository;
import org.civiquiz.exam.events.AttemptEvents;
import org.civiquiz.exam.events.ExamMetrics;
import org.civiquiz.exam.web.ExamController;
import org.civiquiz.platform.embedded.EmbeddedServers;
import org.civiquiz.question.BankQuestion;
import org.civiquiz.question.QuestionBankService;
import org.civiquiz.stats.ContestStats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civiquiz.exam.ExamFixtures.answers;
import static org.civiquiz.exam.ExamFixtures.submit;

/**
 * Answers saved on the server while an attempt is open, and overdue attempts finished
 * from their last save (issue 15), against the real embedded PostgreSQL and Redis.
 */
@IntegrationTest
class AutosaveIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private ContestService contests;

	@Autowired
	private QuestionBankService banks;

	@Autowired
	private AttemptRepository attempts;

	@Autowired
	private AttemptEvents events;

	@Autowired
	private ExamProperties properties;

	@Autowired
	private Clock clock;

	@Autowired
	private OverdueSweeper sweeper;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	private Map<Long, BankQuestion> bank;

	private String slug;

	@BeforeEach
	void contest() {
		this.bank = ExamFixtures.bank(this.client);
		this.slug = ContestFixtures.openContest(this.contests, "autosave-" + System.nanoTime() % 1_000_000,
				List.of("D1"), List.of(new NewUnit("U1", "Unit one", null, null)));
	}

	@Test
	void aLaterSaveReplacesAnEarlierOneAndTheOverdueAttemptIsSubmittedFromIt() {
		AttemptStarted attempt = started();
		save(attempt, answers(attempt, this.bank, 9, 1, 4700L)).expectStatus().isNoContent();
		save(attempt, answers(attempt, this.bank, 4, 6, null)).expectStatus().isNoContent();
		Map<String, Object> row = row(attempt);
		assertThat(row).containsEntry("status", "OPEN").containsEntry("saved_prediction", null);
		assertThat((Short[]) row.get("saved_answers")).hasSize(20).filteredOn((answer) -> answer != 0).hasSize(10);

		Instant deadline = runOutOfTime(attempt, Duration.ofMinutes(20));
		this.sweeper.sweep().block();

		row = row(attempt);
		assertThat(row).containsEntry("status", "SUBMITTED")
			.containsEntry("auto_submitted", true)
			.containsEntry("score", (short) 4)
			.containsEntry("prediction", null)
			.containsEntry("duration_ms", (int) Duration.ofMinutes(20).toMillis());
		assertThat(((OffsetDateTime) row.get("submitted_at")).toInstant()).isEqualTo(deadline);
		// the participant sees the result, and that the server submitted it
		view(attempt).expectBody()
			.jsonPath("$.status")
			.isEqualTo("SUBMITTED")
			.jsonPath("$.result.score")
			.isEqualTo(4)
			.jsonPath("$.result.autoSubmitted")
			.isEqualTo(true)
			.jsonPath("$.result.durationMs")
			.isEqualTo((int) Duration.ofMinutes(20).toMillis());
		// ranked on the leaderboard like any submission
		Double ranked = this.redis.opsForZSet()
			.score("civiquiz:{" + this.slug + "}:lb:round:1", row.get("participant_id").toString())
			.block();
		assertThat(ranked).isNotNull();
		assertThat((long) (double) ranked >>> 48).isEqualTo(4);
		// and the exact figures tell it apart
		ContestStats exact = stats(true);
		assertThat(exact.attemptsSubmitted()).isEqualTo(1);
		assertThat(exact.attemptsAutoSubmitted()).isEqualTo(1);
		assertThat(stats(false).attemptsSubmitted()).isEqualTo(1);
	}

	@Test
	void twoReplicasSweepingOneDatabaseSubmitEachOverdueAttemptOnce() throws Exception {
		List<AttemptStarted> overdue = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			AttemptStarted attempt = started();
			save(attempt, answers(attempt, this.bank, 10 + i, 0, (long) i)).expectStatus().isNoContent();
			overdue.add(attempt);
		}
		// a second replica: its own sweeper on the same database and Redis
		OverdueSweeper other = new OverdueSweeper(this.contests, this.banks, this.attempts, this.events,
				this.properties, this.clock);
		overdue.forEach((attempt) -> runOutOfTime(attempt, Duration.ofMinutes(20)));
		List<Long> finished = race(6, (i) -> ((i % 2 == 0) ? this.sweeper : other).sweep().block());

		// the app's own timer may have taken some too, so: at most once each
		assertThat(finished.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(overdue.size());
		for (int i = 0; i < overdue.size(); i++) {
			assertThat(row(overdue.get(i))).containsEntry("status", "SUBMITTED")
				.containsEntry("auto_submitted", true)
				.containsEntry("score", (short) (10 + i))
				.containsEntry("prediction", (long) i);
		}
		// announced once each: the accepted submissions counted, the live figures
		assertThat(this.meters.counter(ExamMetrics.SUBMISSIONS_ACCEPTED, ExamMetrics.CONTEST, this.slug).count())
			.isEqualTo(overdue.size());
		assertThat(stats(false).attemptsSubmitted()).isEqualTo(overdue.size());
		assertThat(stats(true).attemptsAutoSubmitted()).isEqualTo(overdue.size());
		// and a later sweep finds nothing left
		assertThat(other.sweep().block()).isZero();
	}

	@Test
	void anOverdueAttemptWithoutASaveExpiresAsBefore() {
		AttemptStarted attempt = started();
		runOutOfTime(attempt, Duration.ofMinutes(20));
		this.sweeper.sweep().block();
		assertThat(row(attempt)).containsEntry("status", "EXPIRED").containsEntry("auto_submitted", false);
	}

	@Test
	void aContestThatDiscardsOverdueAttemptsExpiresThemWhateverTheySaved() {
		this.database.sql("update contest set overdue_handling = 'DISCARD' where slug = :slug")
			.bind("slug", this.slug)
			.fetch()
			.rowsUpdated()
			.block();
		AttemptStarted attempt = started();
		save(attempt, answers(attempt, this.bank, 20, 0, 1L)).expectStatus().isNoContent();
		runOutOfTime(attempt, Duration.ofMinutes(20));
		view(attempt).expectBody().jsonPath("$.status").isEqualTo("EXPIRED");
		assertThat(row(attempt)).containsEntry("status", "EXPIRED").containsEntry("score", null);
	}

	@Test
	void theOrganizerSetsOverdueHandlingInTheContestForm() {
		Map<String, Object> form = this.client.get()
			.uri("/api/admin/contests/{slug}", this.slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(form).containsEntry("overdueHandling", "AUTO_SUBMIT");
		Map<String, Object> changed = new HashMap<>(form);
		changed.put("overdueHandling", "DISCARD");
		put(changed).expectStatus().isOk().expectBody().jsonPath("$.overdueHandling").isEqualTo("DISCARD");
		// left out of an edit: unchanged
		changed.remove("overdueHandling");
		put(changed).expectStatus().isOk().expectBody().jsonPath("$.overdueHandling").isEqualTo("DISCARD");
		changed.put("overdueHandling", "SOMETIMES");
		put(changed).expectStatus().isBadRequest();
	}

	@Test
	void savesAreRefusedAsSubmissionsAre() {
		AttemptStarted attempt = started();
		// checked like a submission
		save(attempt, Map.of("answers", List.of(Map.of("questionId", -1, "optionId", 1)))).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("QUESTION_NOT_IN_ATTEMPT");
		save(attempt, Map.of("prediction", -5)).expectStatus().isBadRequest();
		this.client.put()
			.uri("/api/attempts/{id}/answers", attempt.attemptId())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isUnauthorized();
		// both parts optional
		save(attempt, Map.of()).expectStatus().isNoContent();
		// a submitted attempt: its own code
		submit(this.client, attempt, answers(attempt, this.bank, 3, 0, 1L)).expectStatus().isOk();
		expectConflict(save(attempt, answers(attempt, this.bank, 5, 0, 1L)), "ATTEMPT_ALREADY_SUBMITTED");

		// after the deadline and grace: what a late submission gets, and the save
		// before it is what counts
		AttemptStarted late = started();
		save(late, answers(late, this.bank, 7, 0, null)).expectStatus().isNoContent();
		runOutOfTime(late, Duration.ofMinutes(20));
		expectConflict(save(late, answers(late, this.bank, 20, 0, null)), "ATTEMPT_EXPIRED");
		assertThat(row(late)).containsEntry("status", "SUBMITTED").containsEntry("score", (short) 7);
		expectConflict(save(late, answers(late, this.bank, 20, 0, null)), "ATTEMPT_EXPIRED");
		// the page's own submission of the same answers, arriving late, gets the result;
		// other answers are too late
		submit(this.client, late, answers(late, this.bank, 7, 0, null)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.autoSubmitted")
			.isEqualTo(true);
		expectConflict(submit(this.client, late, answers(late, this.bank, 8, 0, null)), "ATTEMPT_EXPIRED");
	}

	@Test
	void aLateSubmissionFinishesTheAttemptFromItsLastSave() {
		AttemptStarted attempt = started();
		save(attempt, answers(attempt, this.bank, 6, 0, 9L)).expectStatus().isNoContent();
		runOutOfTime(attempt, Duration.ofMinutes(20));
		expectConflict(submit(this.client, attempt, answers(attempt, this.bank, 20, 0, 9L)), "ATTEMPT_EXPIRED");
		assertThat(row(attempt)).containsEntry("status", "SUBMITTED")
			.containsEntry("auto_submitted", true)
			.containsEntry("score", (short) 6);
	}

	@Test
	void startingAgainFinishesTheOverdueAttemptFromItsSaveFirst() {
		Map<String, Object> registration = registration();
		AttemptStarted first = ExamFixtures.started(ExamFixtures.start(this.client, this.slug, registration)
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		save(first, answers(first, this.bank, 12, 0, null)).expectStatus().isNoContent();
		runOutOfTime(first, Duration.ofMinutes(20));
		ExamFixtures.start(this.client, this.slug, registration).expectStatus().isCreated();
		assertThat(row(first)).containsEntry("status", "SUBMITTED")
			.containsEntry("auto_submitted", true)
			.containsEntry("score", (short) 12);
	}

	@Test
	void aSaveAnsweredDuringARedisOutageIsWhatTheAttemptIsScoredFrom() throws Exception {
		AttemptStarted attempt = started();
		save(attempt, answers(attempt, this.bank, 2, 0, null)).expectStatus().isNoContent();
		EmbeddedServers.stopRedis();
		try {
			save(attempt, answers(attempt, this.bank, 15, 0, 100L)).expectStatus().isNoContent();
		}
		finally {
			EmbeddedServers.restartRedis();
		}
		runOutOfTime(attempt, Duration.ofMinutes(20));
		this.sweeper.sweep().block();
		assertThat(row(attempt)).containsEntry("status", "SUBMITTED")
			.containsEntry("auto_submitted", true)
			.containsEntry("score", (short) 15)
			.containsEntry("prediction", 100L);
	}

	private Map<String, Object> registration() {
		Map<String, Object> registration = new HashMap<>(ExamFixtures.registration(ExamFixtures.newPhone()));
		registration.put("unitCode", "U1");
		registration.put("district", "D1");
		return registration;
	}

	private AttemptStarted started() {
		return ExamFixtures.started(ExamFixtures.start(this.client, this.slug, registration())
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	private WebTestClient.ResponseSpec save(AttemptStarted attempt, Object body) {
		return this.client.put()
			.uri("/api/attempts/{id}/answers", attempt.attemptId())
			.header(ExamController.TOKEN_HEADER, attempt.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec view(AttemptStarted attempt) {
		return this.client.get()
			.uri("/api/attempts/{id}", attempt.attemptId())
			.header(ExamController.TOKEN_HEADER, attempt.token())
			.exchange()
			.expectStatus()
			.isOk();
	}

	private WebTestClient.ResponseSpec put(Map<String, Object> form) {
		return this.client.put()
			.uri("/api/admin/contests/{slug}", this.slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(form)
			.exchange();
	}

	private static void expectConflict(WebTestClient.ResponseSpec response, String code) {
		response.expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo(code);
	}

	/**
	 * Makes the attempt started {@code allowed} plus a minute ago, due a minute ago (past
	 * the grace): its time ran out. Its deadline is returned.
	 */
	private Instant runOutOfTime(AttemptStarted attempt, Duration allowed) {
		return this.database
			.sql("""
					update attempt set started_at = date_trunc('milliseconds', now()) - interval '1 minute' - cast(:allowed as interval),
					                   deadline = date_trunc('milliseconds', now()) - interval '1 minute'
					where id = :id returning deadline
					""")
			.bind("allowed", allowed.toMillis() + " milliseconds")
			.bind("id", attempt.attemptId())
			.map((row, meta) -> row.get("deadline", Instant.class))
			.one()
			.block();
	}

	private Map<String, Object> row(AttemptStarted attempt) {
		return this.database.sql("select * from attempt where id = :id")
			.bind("id", attempt.attemptId())
			.fetch()
			.one()
			.block();
	}

	private ContestStats stats(boolean exact) {
		return this.client.get()
			.uri("/api/admin/contests/{slug}/stats?exact={exact}", this.slug, exact)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ContestStats.class)
			.returnResult()
			.getResponseBody();
	}

	/** Runs the calls at once, each on its own thread, and returns their answers. */
	private static <T> List<T> race(int calls, java.util.function.IntFunction<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls);
		try {
			CountDownLatch ready = new CountDownLatch(calls);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				int index = i;
				Callable<T> task = () -> {
					ready.countDown();
					ready.await();
					return call.apply(index);
				};
				futures.add(pool.submit(task));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
