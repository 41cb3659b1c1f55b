package org.civiquiz.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamService;
import org.civiquiz.exam.ReadModelReconciler;
import org.civiquiz.exam.SubmissionRequest;
import org.civiquiz.participant.Registration;
import org.civiquiz.question.QuestionBank;
import org.civiquiz.question.QuestionBankService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live figures from Redis against the exact ones from PostgreSQL.
 */
@IntegrationTest
class LiveStatsIntegrationTests {

	@Autowired
	private ContestService contests;

	@Autowired
	private ExamService exams;

	@Autowired
	private QuestionBankService banks;

	@Autowired
	private StatsService stats;

	@Autowired
	private ReadModelReconciler reconciler;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private JsonMapper json;

	@Autowired
	private WebTestClient client;

	private String slug;

	@BeforeEach
	void newContest() {
		this.slug = ContestFixtures.openContest(this.contests, "live-" + System.nanoTime() % 1_000_000,
				List.of("D1", "D2", "D3"), List.of(new NewUnit("U1", "Unit one", null, 50),
						new NewUnit("U2", "Unit two", null, null), new NewUnit("U3", "Unit three", null, 7)));
	}

	@Test
	void liveFiguresEqualTheExactOnesAfterARandomizedRun() {
		QuestionBank bank = this.banks.bank(IntegrationTest.CONTEST).block();
		Random random = new Random(42);
		List<int[]> plan = new ArrayList<>();
		for (int person = 0; person < 1200; person++) {
			// attempts, then whether the last one is left unsubmitted
			plan.add(new int[] { person, 1 + random.nextInt(3), random.nextInt(10) == 0 ? 1 : 0 });
		}
		Flux.fromIterable(plan)
			.flatMap((p) -> Flux.range(0, p[1])
				.concatMap((k) -> take(bank, p[0], k == p[1] - 1 && p[2] == 1, new Random(p[0] * 31L + k))), 16)
			.blockLast();

		assertSameFigures(null);
		assertSameFigures(1);

		// Redis loses everything; rebuilding from PostgreSQL gives the same figures again
		this.redis.execute((connection) -> connection.serverCommands().flushAll()).blockLast();
		assertThat(this.stats.live(this.slug, null).block().attemptsStarted()).isZero();
		assertThat(this.reconciler.reconcile().block()).as("views replayed").isGreaterThanOrEqualTo(2);
		assertSameFigures(null);
		// an organizer's rebuild clears and replays: the same figures again
		this.reconciler.rebuild(this.contests.settings(this.slug).block()).block();
		assertSameFigures(null);
	}

	@Test
	void theStreamDeliversAnUpdateAfterASubmission() {
		QuestionBank bank = this.banks.bank(IntegrationTest.CONTEST).block();
		Flux<JsonNode> stream = this.client.get()
			.uri("/api/admin/contests/{slug}/stats/stream", this.slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			.filter((event) -> "stats".equals(event.event()))
			.map((event) -> this.json.readTree(event.data()));
		StepVerifier.create(stream)
			.assertNext((first) -> assertThat(first.get("attemptsSubmitted").asLong()).isZero())
			.then(() -> take(bank, 1, false, new Random(1)).block())
			// the start and the submission may arrive as one update or as two
			.thenConsumeWhile((next) -> next.get("attemptsSubmitted").asLong() == 0,
					(next) -> assertThat(next.get("attemptsStarted").asLong()).isEqualTo(1))
			.assertNext((next) -> {
				assertThat(next.get("attemptsStarted").asLong()).isEqualTo(1);
				assertThat(next.get("attemptsSubmitted").asLong()).isEqualTo(1);
			})
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	private void assertSameFigures(Integer round) {
		JsonNode exact = comparable(this.stats.exact(this.slug, round).block());
		JsonNode live = comparable(this.stats.live(this.slug, round).block());
		assertThat(live).isEqualTo(exact);
		assertThat(exact.get("attemptsSubmitted").asLong()).isGreaterThan(1500);
	}

	/**
	 * Everything but what only one source can know: when and where it was taken, and
	 * expiries.
	 */
	private JsonNode comparable(ContestStats stats) {
		ObjectNode node = (ObjectNode) this.json.valueToTree(stats);
		// exact figures only: attempts expired, and those the server submitted from a
		// save
		node.remove(List.of("source", "computedAt", "attemptsExpired", "attemptsAutoSubmitted"));
		return node;
	}

	private Mono<Void> take(QuestionBank bank, int person, boolean leaveOpen, Random random) {
		Registration registration = new Registration("Người Thi " + person, "09%08d".formatted(20_000_000 + person),
				"U" + (1 + person % 3), "D" + (1 + person % 3), 1980, null, null, true);
		return this.exams.start(this.slug, registration, new ExamService.ClientInfo(null, "test"))
			.flatMap((attempt) -> leaveOpen ? Mono.empty() : submit(attempt, bank, random));
	}

	private Mono<Void> submit(AttemptStarted attempt, QuestionBank bank, Random random) {
		List<SubmissionRequest.Answer> answers = new ArrayList<>();
		for (AttemptStarted.ExamQuestion question : attempt.questions()) {
			int roll = random.nextInt(10);
			int correct = bank.question(question.id()).correctOption();
			Integer option = (roll < 7) ? Integer.valueOf(correct)
					: (roll < 9) ? Integer.valueOf((correct % 4) + 1) : null;
			answers.add(new SubmissionRequest.Answer(question.id(), option));
		}
		SubmissionRequest request = new SubmissionRequest(answers, (long) random.nextInt(10_000));
		Mono<Void> once = this.exams.submit(attempt.attemptId(), attempt.token(), request).then();
		// a tenth are sent twice, as a client retrying would: counted once all the same
		return (random.nextInt(10) == 0) ? once.then(once) : once;
	}

}
