package org.civiquiz.exam.start;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.exam.ExamIntegrationTests;
import org.civiquiz.exam.web.ExamController;
import org.civiquiz.platform.embedded.EmbeddedServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start sent again with its {@code Idempotency-Key} answers the attempt the key
 * started: the same id, token, questions and deadline, with 200, whether the first answer
 * was lost, the duplicate came at the same moment, or Redis is away. Each test has a
 * contest of its own, so that its attempts can be counted.
 */
@IntegrationTest
class IdempotentStartIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private DatabaseClient database;

	private String slug;

	@BeforeEach
	void contest() {
		this.slug = ContestFixtures.openContest(this.contests, "idem-" + UUID.randomUUID().toString().substring(0, 8),
				List.of("D1"), List.of(new NewUnit("U1", "Unit one", null, null)));
	}

	@Test
	void theSameKeyAndBodyAgainAnswersTheSameAttemptWith200() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> registration = registration(ExamFixtures.newPhone());
		AttemptStarted first = start(key, registration).expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
		AttemptStarted again = start(key, registration).expectStatus()
			.isOk()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
		assertThat(again.attemptId()).isEqualTo(first.attemptId());
		assertThat(again.token()).isEqualTo(first.token());
		assertThat(again.questions()).isEqualTo(first.questions());
		assertThat(again.deadline()).isEqualTo(first.deadline());
		assertThat(again.startedAt()).isEqualTo(first.startedAt());
		assertThat(again.round()).isEqualTo(first.round());
		assertThat(attempts()).isEqualTo(1);
		// the token given again is the attempt's
		this.client.get()
			.uri("/api/attempts/{id}", again.attemptId())
			.header(ExamController.TOKEN_HEADER, again.token())
			.exchange()
			.expectStatus()
			.isOk();
		// a start without a key is refused as before: that person has an open attempt
		ExamIntegrationTests.expectProblem(ExamFixtures.start(this.client, this.slug, registration),
				HttpStatus.CONFLICT, "ATTEMPT_IN_PROGRESS");
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefusedAndWritesNothing() {
		String key = UUID.randomUUID().toString();
		start(key, registration(ExamFixtures.newPhone())).expectStatus().isCreated();
		ExamIntegrationTests.expectProblem(start(key, registration(ExamFixtures.newPhone())),
				HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
		Map<String, Object> otherName = registration(ExamFixtures.newPhone());
		otherName.put("fullName", "Trần Văn Bình");
		ExamIntegrationTests.expectProblem(start(key, otherName), HttpStatus.UNPROCESSABLE_CONTENT,
				"IDEMPOTENCY_KEY_REUSED");
		assertThat(attempts()).isEqualTo(1);
		assertThat(participants()).isEqualTo(1);
	}

	@Test
	void aKeyThatIsNoKeyIsRefusedAndWritesNothing() {
		for (String key : new String[] { "", "has space", "a".repeat(65), "key!", "a_b" }) {
			ExamIntegrationTests.expectProblem(start(key, registration(ExamFixtures.newPhone())),
					HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_INVALID");
		}
		start("a".repeat(64), registration(ExamFixtures.newPhone())).expectStatus().isCreated();
		assertThat(attempts()).isEqualTo(1);
	}

	@Test
	void duplicatesSentAtOnceStartOneAttempt() throws Exception {
		int duplicates = 8;
		for (int round = 0; round < 3; round++) {
			String key = UUID.randomUUID().toString();
			Map<String, Object> registration = registration(ExamFixtures.newPhone());
			ExecutorService threads = Executors.newFixedThreadPool(duplicates);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<EntityExchangeResult<AttemptStarted>>> answers = new ArrayList<>();
			try {
				for (int i = 0; i < duplicates; i++) {
					Callable<EntityExchangeResult<AttemptStarted>> call = () -> {
						go.await();
						return start(key, registration).expectBody(AttemptStarted.class).returnResult();
					};
					answers.add(threads.submit(call));
				}
				go.countDown();
				Set<UUID> ids = new HashSet<>();
				Set<String> tokens = new HashSet<>();
				int created = 0;
				for (Future<EntityExchangeResult<AttemptStarted>> answer : answers) {
					EntityExchangeResult<AttemptStarted> result = answer.get();
					assertThat(result.getStatus().value()).isIn(200, 201);
					created += (result.getStatus().value() == 201) ? 1 : 0;
					ids.add(result.getResponseBody().attemptId());
					tokens.add(result.getResponseBody().token());
				}
				assertThat(created).isEqualTo(1);
				assertThat(ids).hasSize(1);
				assertThat(tokens).hasSize(1);
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(attempts()).isEqualTo(round + 1);
		}
	}

	@Test
	void theKeyLivesInPostgresqlAndAnswersWhileRedisIsAway() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> registration = registration(ExamFixtures.newPhone());
		AttemptStarted first = start(key, registration).expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
		EmbeddedServers.stopRedis();
		try {
			AttemptStarted again = start(key, registration).expectStatus()
				.isOk()
				.expectBody(AttemptStarted.class)
				.returnResult()
				.getResponseBody();
			assertThat(again.attemptId()).isEqualTo(first.attemptId());
			assertThat(again.token()).isEqualTo(first.token());
		}
		finally {
			EmbeddedServers.restartRedis();
		}
	}

	@Test
	void aKeyOlderThanADayStartsAnew() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> registration = registration(ExamFixtures.newPhone());
		AttemptStarted first = start(key, registration).expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
		ExamFixtures.submit(this.client, first, Map.of("answers", List.of())).expectStatus().isOk();
		this.database
			.sql("update attempt_start_key set created_at = now() - interval '25 hours' where attempt_id = :id")
			.bind("id", first.attemptId())
			.fetch()
			.rowsUpdated()
			.block();
		AttemptStarted second = start(key, registration).expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
		assertThat(second.attemptId()).isNotEqualTo(first.attemptId());
		assertThat(attempts()).isEqualTo(2);
		// and the key now answers the new attempt
		assertThat(start(key, registration).expectStatus()
			.isOk()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody()
			.attemptId()).isEqualTo(second.attemptId());
	}

	private WebTestClient.ResponseSpec start(String key, Map<String, Object> registration) {
		return this.client.post()
			.uri("/api/contests/{slug}/attempts", this.slug)
			.header(ExamController.IDEMPOTENCY_KEY_HEADER, key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration)
			.exchange();
	}

	private static Map<String, Object> registration(String phone) {
		Map<String, Object> registration = ExamFixtures.registration(phone);
		registration.put("unitCode", "U1");
		registration.put("district", "D1");
		return registration;
	}

	private long attempts() {
		return count("select count(*) from attempt a join contest c on c.id = a.contest_id where c.slug = :slug");
	}

	private long participants() {
		return count("select count(*) from participant p join contest c on c.id = p.contest_id where c.slug = :slug");
	}

	private long count(String sql) {
		return this.database.sql(sql).bind("slug", this.slug).map((row, meta) -> row.get(0, Long.class)).one().block();
	}

}
