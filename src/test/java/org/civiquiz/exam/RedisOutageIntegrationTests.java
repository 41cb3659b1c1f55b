package org.civiquiz.exam;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.web.ExamController;
import org.civiquiz.platform.Outages;
import org.civiquiz.platform.embedded.EmbeddedServers;
import org.civiquiz.question.BankQuestion;
import org.civiquiz.security.RateLimiter;
import org.civiquiz.stats.ContestStats;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Redis stopped for 12 s and started again under concurrent traffic, three times
 * in a row, coming back with its data, then without it, then with it: while it is away,
 * entrants start and submit as usual, and the reads that need Redis (leaderboard, rank,
 * live figures) answer 503 at once, never after a wait; within seconds of its return they
 * answer 200 again, and after the reconciler's pass the live counters and the board equal
 * PostgreSQL's.
 */
@IntegrationTest
class RedisOutageIntegrationTests {

	private static final Duration OUTAGE = Duration.ofSeconds(12);

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private ReadModelReconciler reconciler;

	@Autowired
	private MeterRegistry meters;

	@Test
	void redisRestartedThreeTimesUnderTrafficFailsReadsFastThenRecoversAndCatchesUp() throws Exception {
		Map<Long, BankQuestion> bank = ExamFixtures.bank(this.client);
		String slug = ContestFixtures.openContest(this.contests, "redis-outage-" + System.nanoTime() % 1_000_000,
				List.of("D1"), List.of(new NewUnit("U1", "Unit one", null, null)));
		AttemptStarted before = started(slug);
		ExamFixtures.submit(this.client, before, ExamFixtures.answers(before, bank, 20, 0, 10L)).expectStatus().isOk();
		for (boolean keepData : new boolean[] { true, false, true }) {
			try (Traffic traffic = new Traffic(slug, bank)) {
				traffic.awaitSubmissions(5);
				EmbeddedServers.stopRedis();
				long stopped = System.nanoTime();
				try {
					int submitted = traffic.submissions();
					for (int i = 0; i < 3; i++) {
						Outages.assertQuickUnavailable(this.client.get().uri("/api/contests/{slug}/leaderboard", slug));
						Outages.assertQuickUnavailable(this.client.get()
							.uri("/api/attempts/{id}/rank", before.attemptId())
							.header(ExamController.TOKEN_HEADER, before.token()));
						Outages.assertQuickUnavailable(
								organizer(this.client.get().uri("/api/admin/contests/{slug}/stats", slug)));
					}
					// the exam goes on without Redis
					traffic.awaitSubmissions(submitted + 5);
					// longer than Lettuce's default reconnection backoff lets pass
					// unnoticed: its next try would come more than 10 s after Redis is
					// back
					Thread.sleep(
							Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - stopped).toMillis()));
				}
				finally {
					if (keepData) {
						EmbeddedServers.restartRedis();
					}
					else {
						EmbeddedServers.restartRedisEmpty();
					}
				}
				Outages.awaitOk(this.client.get().uri("/api/contests/{slug}/leaderboard", slug),
						Duration.ofSeconds(10));
				Outages.awaitOk(this.client.get()
					.uri("/api/attempts/{id}/rank", before.attemptId())
					.header(ExamController.TOKEN_HEADER, before.token()), Duration.ofSeconds(10));
				Outages.awaitOk(organizer(this.client.get().uri("/api/admin/contests/{slug}/stats", slug)),
						Duration.ofSeconds(10));
				// the rate limiter's own connection is back too: five entrants in a row
				// are checked again
				boolean checked = false;
				for (int i = 0; i < 20 && !checked; i++) {
					double unchecked = this.meters.counter(RateLimiter.UNCHECKED).count();
					traffic.awaitSubmissions(traffic.submissions() + 5);
					checked = this.meters.counter(RateLimiter.UNCHECKED).count() == unchecked;
				}
				assertThat(checked).as("rate limits checked again").isTrue();
				assertThat(traffic.failures()).as("starts and submissions refused").isEmpty();
			}
			this.reconciler.reconcile().block();
			ContestStats live = stats(slug, false);
			ContestStats exact = stats(slug, true);
			assertThat(live.attemptsSubmitted()).isEqualTo(exact.attemptsSubmitted());
			assertThat(live.attemptsStarted()).isEqualTo(exact.attemptsStarted());
			assertThat(live.participants()).isEqualTo(exact.participants());
			assertThat(live.scoreHistogram()).isEqualTo(exact.scoreHistogram());
			this.client.get()
				.uri("/api/contests/{slug}/leaderboard", slug)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.ranked")
				.isEqualTo((int) exact.participants());
		}
	}

	private AttemptStarted started(String slug) {
		Map<String, Object> registration = new HashMap<>(ExamFixtures.registration(ExamFixtures.newPhone()));
		registration.put("unitCode", "U1");
		registration.put("district", "D1");
		return ExamFixtures.started(ExamFixtures.start(this.client, slug, registration)
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	private ContestStats stats(String slug, boolean exact) {
		return organizer(this.client.get().uri("/api/admin/contests/{slug}/stats?exact={exact}", slug, exact))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ContestStats.class)
			.returnResult()
			.getResponseBody();
	}

	private static WebTestClient.RequestHeadersSpec<?> organizer(WebTestClient.RequestHeadersSpec<?> request) {
		return request.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD));
	}

	/**
	 * Entrants starting and submitting, four at a time, until closed; every refusal is
	 * kept.
	 */
	private final class Traffic implements AutoCloseable {

		private final ExecutorService entrants = Executors.newFixedThreadPool(4);

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicInteger submissions = new AtomicInteger();

		private final Queue<String> failures = new ConcurrentLinkedQueue<>();

		Traffic(String slug, Map<Long, BankQuestion> bank) {
			for (int i = 0; i < 4; i++) {
				this.entrants.execute(() -> {
					while (this.running.get()) {
						enter(slug, bank);
					}
				});
			}
		}

		private void enter(String slug, Map<Long, BankQuestion> bank) {
			Map<String, Object> registration = new HashMap<>(ExamFixtures.registration(ExamFixtures.newPhone()));
			registration.put("unitCode", "U1");
			registration.put("district", "D1");
			EntityExchangeResult<String> start = ExamFixtures
				.start(RedisOutageIntegrationTests.this.client, slug, registration)
				.expectBody(String.class)
				.returnResult();
			if (start.getStatus().value() != 201) {
				this.failures.add("start " + start.getStatus() + " " + start.getResponseBody());
				return;
			}
			AttemptStarted attempt = ExamFixtures.started(start.getResponseBody());
			int correct = this.submissions.get() % 21;
			EntityExchangeResult<String> submit = ExamFixtures
				.submit(RedisOutageIntegrationTests.this.client, attempt,
						ExamFixtures.answers(attempt, bank, correct, 20 - correct, 7L))
				.expectBody(String.class)
				.returnResult();
			if (submit.getStatus().value() == 200) {
				this.submissions.incrementAndGet();
			}
			else {
				this.failures.add("submit " + submit.getStatus() + " " + submit.getResponseBody());
			}
		}

		int submissions() {
			return this.submissions.get();
		}

		List<String> failures() {
			return List.copyOf(this.failures);
		}

		void awaitSubmissions(int count) throws InterruptedException {
			for (int i = 0; i < 600 && this.submissions.get() < count && this.failures.isEmpty(); i++) {
				Thread.sleep(50);
			}
			assertThat(failures()).isEmpty();
			assertThat(this.submissions.get()).isGreaterThanOrEqualTo(count);
		}

		@Override
		public void close() throws InterruptedException {
			this.running.set(false);
			this.entrants.shutdown();
			assertThat(this.entrants.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}

	}

}
