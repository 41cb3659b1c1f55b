package org.civiquiz.participant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.participant.PersonFixtures.Person;
import org.civiquiz.platform.embedded.EmbeddedServers;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's name, phone, email and national ID leave the server only to the committee:
 * never in a public response (boards show the masked name), never in the logs.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIntegrationTests {

	private static final AtomicInteger contestNumber = new AtomicInteger();

	private static final String UNIT = "PV1";

	private static final String DISTRICT = "Quận Ngô Quyền";

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	private Map<Long, BankQuestion> bank;

	private String slug;

	@BeforeEach
	void newContest() {
		this.bank = ExamFixtures.bank(this.client);
		this.slug = ContestFixtures.openContest(this.contests, "privacy-" + contestNumber.incrementAndGet(),
				List.of(DISTRICT, "Quận Hải An"), List.of(new NewUnit(UNIT, "Hợp tác xã Quyết Thắng", null, 30)));
	}

	@Test
	void noPublicResponseShowsANameUnmaskedOrAnyContact() {
		Person person = PersonFixtures.distinctive();
		List<String> bodies = new ArrayList<>();
		bodies.add(ok(this.client.get().uri("/api/contests")));
		bodies.add(ok(this.client.get().uri("/api/contests/{slug}", this.slug)));
		bodies.add(ok(this.client.get().uri("/api/contests/{slug}/prizes", this.slug)));
		String startedJson = body(start(person.registration(UNIT, DISTRICT)).expectStatus().isCreated());
		bodies.add(startedJson);
		AttemptStarted attempt = ExamFixtures.started(startedJson);
		bodies.add(ok(withToken(this.client.get().uri("/api/attempts/{id}", attempt.attemptId()), attempt)));
		bodies.add(body(ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, this.bank, 17, 3, 9L))
			.expectStatus()
			.isOk()));
		bodies.add(ok(withToken(this.client.get().uri("/api/attempts/{id}", attempt.attemptId()), attempt)));
		bodies.add(ok(withToken(this.client.get().uri("/api/attempts/{id}/rank", attempt.attemptId()), attempt)));
		bodies.addAll(boards());
		// refusals name the fields at fault, never what was typed
		Map<String, Object> refused = person.registration(UNIT, DISTRICT);
		refused.put("birthYear", 1800);
		bodies.add(body(start(refused).expectStatus().isBadRequest()));

		// once the round has closed, boards and ranks show scores: still masked names
		// only
		this.database
			.sql("update contest_round set closes_at = now() - interval '1 minute' where contest_id = "
					+ "(select id from contest where slug = :slug)")
			.bind("slug", this.slug)
			.fetch()
			.rowsUpdated()
			.block();
		// from PostgreSQL, as the reconciler would: a listener may have timed out on a
		// busy machine
		this.client.post()
			.uri("/api/admin/contests/{slug}/rebuild", this.slug)
			.headers((headers) -> headers.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk();
		List<String> closedBoards = boards();
		bodies.addAll(closedBoards);
		bodies.add(ok(withToken(this.client.get().uri("/api/attempts/{id}/rank", attempt.attemptId()), attempt)));
		// the organizers' figures and their live stream need an account
		bodies.add(body(this.client.get()
			.uri("/api/admin/contests/{slug}/stats/stream", this.slug)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isUnauthorized()));
		bodies.add(body(this.client.get()
			.uri("/api/admin/contests/{slug}/stats", this.slug)
			.exchange()
			.expectStatus()
			.isUnauthorized()));

		String everything = String.join("\n", bodies);
		for (String secret : person.secrets()) {
			assertThat(everything).as("public responses").doesNotContain(secret);
		}
		assertThat(closedBoards).allSatisfy((board) -> assertThat(board).contains(person.masked()));
	}

	@Test
	void logsCarryNoPersonalData(CapturedOutput output) {
		Person person = PersonFixtures.distinctive();
		Map<String, Object> registration = person.registration(UNIT, DISTRICT);
		// refusals, each of a field that carries the person's data
		start(with(registration, "phone", person.nsn() + "77")).expectStatus().isBadRequest();
		start(with(registration, "email", person.email().replace("@", " at "))).expectStatus().isBadRequest();
		start(with(registration, "nationalId", person.nationalId() + "5")).expectStatus().isBadRequest();
		start(with(registration, "unitCode", "NO-SUCH-UNIT")).expectStatus().isBadRequest();
		start(with(registration, "consentVersion", "0".repeat(64))).expectStatus().isEqualTo(HttpStatus.CONFLICT);
		this.client.post()
			.uri("/api/contests/{slug}/attempts", this.slug)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"fullName\": \"" + person.fullName() + "\", \"phone\": \"" + person.phone()
					+ "\", \"birthYear\": \"" + person.fullName() + " " + person.email() + "\"}")
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.post()
			.uri("/api/contests/no-such-contest/attempts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration)
			.exchange()
			.expectStatus()
			.isNotFound();

		// a registration, a submission, a different one refused
		AttemptStarted first = ExamFixtures.started(body(start(registration).expectStatus().isCreated()));
		ExamFixtures.submit(this.client, first, ExamFixtures.answers(first, this.bank, 12, 8, 3L))
			.expectStatus()
			.isOk();
		ExamFixtures.submit(this.client, first, ExamFixtures.answers(first, this.bank, 13, 7, 3L))
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT);
		start(registration).expectStatus().isCreated();
		start(registration).expectStatus().isEqualTo(HttpStatus.CONFLICT);

		// Redis down: the misses and the refused reads are logged
		AttemptStarted second = ExamFixtures
			.started(body(start(with(registration, "phone", ExamFixtures.newPhone())).expectStatus().isCreated()));
		EmbeddedServers.stopRedis();
		try {
			ExamFixtures.submit(this.client, second, ExamFixtures.answers(second, this.bank, 20, 0, 3L))
				.expectStatus()
				.isOk();
			this.client.get()
				.uri("/api/contests/{slug}/leaderboard", this.slug)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		}
		finally {
			EmbeddedServers.restartRedis();
			awaitRedis();
		}

		String logs = output.getAll();
		assertThat(logs).contains("missed attempt " + second.attemptId())
			.contains("Unavailable on /api/contests/" + this.slug + "/leaderboard");
		for (String secret : person.secrets()) {
			assertThat(logs).as("log output").doesNotContain(secret);
		}
	}

	/** Lettuce reconnects by itself; the next tests need it to have done so. */
	private void awaitRedis() {
		for (int i = 0; i < 100; i++) {
			try {
				this.redis.hasKey("civiquiz:privacy-test").block(Duration.ofSeconds(1));
				return;
			}
			catch (RuntimeException ex) {
				LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
			}
		}
	}

	private List<String> boards() {
		List<String> boards = new ArrayList<>();
		for (String query : List.of("", "round=1", "unit=" + UNIT, "district=" + DISTRICT, "round=1&unit=" + UNIT)) {
			boards.add(ok(this.client.get().uri("/api/contests/" + this.slug + "/leaderboard?" + query)));
		}
		return boards;
	}

	private WebTestClient.ResponseSpec start(Map<String, Object> registration) {
		return ExamFixtures.start(this.client, this.slug, registration);
	}

	private static Map<String, Object> with(Map<String, Object> registration, String field, Object value) {
		Map<String, Object> changed = new java.util.LinkedHashMap<>(registration);
		changed.put(field, value);
		return changed;
	}

	private static WebTestClient.RequestHeadersSpec<?> withToken(WebTestClient.RequestHeadersSpec<?> request,
			AttemptStarted attempt) {
		return request.header("X-Attempt-Token", attempt.token());
	}

	private static String ok(WebTestClient.RequestHeadersSpec<?> request) {
		return body(request.exchange().expectStatus().isOk());
	}

	private static String body(WebTestClient.ResponseSpec response) {
		return response.expectBody(String.class).returnResult().getResponseBody();
	}

}
