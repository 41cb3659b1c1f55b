package org.civiquiz.stats;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamService;
import org.civiquiz.exam.SubmissionRequest;
import org.civiquiz.participant.Registration;
import org.civiquiz.question.QuestionBank;
import org.civiquiz.question.QuestionBankService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live stream shared by every viewer: frames made once and sent as they are, small
 * {@code stats} events and the tables apart, and a viewer that stops reading dropped
 * without holding up the others. On the real Redis.
 */
@IntegrationTest
class StatsStreamIntegrationTests {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private ContestService contests;

	@Autowired
	private ExamService exams;

	@Autowired
	private QuestionBankService banks;

	@Autowired
	private StatsService stats;

	@Autowired
	private StatsStream stream;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private JsonMapper json;

	@Autowired
	private WebTestClient client;

	private String slug;

	private QuestionBank bank;

	private int people;

	@BeforeEach
	void newContest() {
		this.slug = ContestFixtures.openContest(this.contests, "stream-" + System.nanoTime() % 1_000_000,
				List.of("D1", "D2"),
				List.of(new NewUnit("U1", "Unit one", null, 10), new NewUnit("U2", "Unit two", null, null)));
		this.bank = this.banks.bank(IntegrationTest.CONTEST).block();
	}

	@Test
	void everyViewerGetsTheSameFramesMadeOnceForAll() {
		List<Flux<ServerSentEvent<String>>> viewers = new ArrayList<>();
		List<Disposable> connections = new ArrayList<>();
		try {
			// twelve organizers, each signed in with a session of their own (a session
			// holds five streams at most)
			for (int i = 0; i < 12; i++) {
				String session = signIn();
				ConnectableFlux<ServerSentEvent<String>> events = this.client.get()
					.uri("/api/admin/contests/{slug}/stats/stream", this.slug)
					.cookie("CIVIQUIZ_SESSION", session)
					.accept(MediaType.TEXT_EVENT_STREAM)
					.exchange()
					.expectStatus()
					.isOk()
					.expectHeader()
					.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
					.returnResult(EVENT)
					.getResponseBody()
					.filter((event) -> event.event() != null)
					.replay();
				connections.add(events.connect());
				viewers.add(events);
			}
			// on connecting: the latest counters, then the latest tables
			for (Flux<ServerSentEvent<String>> events : viewers) {
				List<ServerSentEvent<String>> first = events.take(2).collectList().block(Duration.ofSeconds(20));
				assertThat(first).extracting(ServerSentEvent::event).containsExactly("stats", "tables");
				JsonNode counters = this.json.readTree(first.get(0).data());
				assertThat(counters.get("attemptsSubmitted").asLong()).isZero();
				assertThat(StatsStream.TABLES).noneMatch(counters::has);
				JsonNode tables = this.json.readTree(first.get(1).data());
				assertThat(StatsStream.TABLES).allMatch(tables::has);
				assertThat(tables.get("units")).hasSize(2);
			}
			double made = frames();

			take(18);

			List<String> seen = new ArrayList<>();
			for (Flux<ServerSentEvent<String>> events : viewers) {
				seen.add(events.filter((event) -> "stats".equals(event.event()))
					.map(ServerSentEvent::data)
					.filter((data) -> this.json.readTree(data).get("attemptsSubmitted").asLong() == 1)
					.blockFirst(Duration.ofSeconds(20)));
			}
			// twelve viewers, one set of bytes: the start and the submission (one or two
			// changes) made at most a frame of counters each, and the tables maybe once
			assertThat(seen).hasSize(12).allMatch(seen.get(0)::equals);
			assertThat(frames() - made).isBetween(1.0, 3.0);
		}
		finally {
			connections.forEach(Disposable::dispose);
		}
	}

	@Test
	void theTablesCarryTheHardestQuestionsOnly() {
		for (int i = 0; i < 3; i++) {
			take(5 + i);
		}
		ServerSentEvent<String> tables = this.client.get()
			.uri("/api/admin/contests/{slug}/stats/stream", this.slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.returnResult(EVENT)
			.getResponseBody()
			.filter((event) -> "tables".equals(event.event()))
			.blockFirst(Duration.ofSeconds(20));
		JsonNode questions = this.json.readTree(tables.data()).get("questions");
		ContestStats whole = this.stats.live(this.slug, null).block();
		List<Long> drawn = whole.questions()
			.stream()
			.filter((q) -> q.drawn() > 0)
			.map(ContestStats.QuestionFigures::id)
			.toList();
		assertThat(drawn).hasSizeGreaterThan(10);
		assertThat(questions).hasSize(10);
		for (int i = 0; i < 10; i++) {
			assertThat(questions.get(i).get("id").asLong()).isEqualTo(drawn.get(i));
		}
		assertThat(tables.data().getBytes(StandardCharsets.UTF_8).length)
			.isLessThan(this.json.writeValueAsBytes(whole).length / 2);
	}

	@Test
	void aViewerThatStopsReadingIsDroppedWithoutHoldingUpTheOthers() {
		StatsScope scope = this.stats.scope(this.slug, null).block();
		AtomicBoolean slowEnded = new AtomicBoolean();
		// takes its first frame, then nothing more, as a connection that stopped reading
		BaseSubscriber<byte[]> slow = new BaseSubscriber<>() {

			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				subscription.request(1);
			}

			@Override
			protected void hookOnComplete() {
				slowEnded.set(true);
			}

		};
		List<String> fast = new CopyOnWriteArrayList<>();
		double dropped = this.meters.counter("civiquiz.stats.stream.dropped").count();
		this.stream.frames(scope, 2).subscribe(slow);
		Disposable fastViewer = this.stream.frames(scope, 2)
			.map((frame) -> new String(frame, StandardCharsets.UTF_8))
			.subscribe(fast::add);
		try {
			for (int submitted = 1; submitted <= 4; submitted++) {
				take(10 + submitted);
				String expected = "\"attemptsSubmitted\":" + submitted + ",";
				await().atMost(Duration.ofSeconds(20))
					.until(() -> fast.stream()
						.anyMatch((frame) -> frame.startsWith("event: stats") && frame.contains(expected)));
			}
			await().atMost(Duration.ofSeconds(10)).untilTrue(slowEnded);
			assertThat(this.meters.counter("civiquiz.stats.stream.dropped").count()).isGreaterThan(dropped);
			assertThat(fastViewer.isDisposed()).isFalse();
		}
		finally {
			slow.dispose();
			fastViewer.dispose();
		}
	}

	/** A login as the staff page does it: the CSRF cookie, then the session's. */
	private String signIn() {
		String csrf = this.client.get()
			.uri("/api/session")
			.exchange()
			.returnResult(byte[].class)
			.getResponseCookies()
			.getFirst("XSRF-TOKEN")
			.getValue();
		return this.client.post()
			.uri("/api/session")
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "organizer", "password", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(byte[].class)
			.getResponseCookies()
			.getFirst("CIVIQUIZ_SESSION")
			.getValue();
	}

	private double frames() {
		return this.meters.counter("civiquiz.stats.stream.frames").count();
	}

	/** One person starts and submits an attempt with {@code right} answers right. */
	private void take(int right) {
		int person = this.people++;
		Registration registration = new Registration("Người Xem " + person, "09%08d".formatted(30_000_000 + person),
				"U" + (1 + person % 2), "D" + (1 + person % 2), 1980, null, null, true);
		AttemptStarted attempt = this.exams.start(this.slug, registration, new ExamService.ClientInfo(null, "test"))
			.block();
		List<SubmissionRequest.Answer> answers = new ArrayList<>();
		Random random = new Random(person);
		for (AttemptStarted.ExamQuestion question : attempt.questions()) {
			int correct = this.bank.question(question.id()).correctOption();
			boolean isRight = answers.size() < right || random.nextInt(10) == 0;
			answers.add(new SubmissionRequest.Answer(question.id(), isRight ? correct : (correct % 4) + 1));
		}
		Mono<?> submitted = this.exams.submit(attempt.attemptId(), attempt.token(),
				new SubmissionRequest(answers, 100L));
		submitted.block();
	}

}
