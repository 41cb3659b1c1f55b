package org.civiquiz.waitingroom;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.platform.embedded.EmbeddedServers;
import org.civiquiz.platform.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waiting room on the real Redis, with a room that admits one start every ten seconds
 * (its own app context) and the app's clock moved instead of waiting: entrants beyond the
 * admission rate get places in a first-come, first-served line, are admitted in that
 * order as the allowance refills, and start with their ticket; an admission holds for its
 * time; a replica with too many starts, or requests, under way admits nobody; the
 * organizers see the line; without Redis the room is open. Each test has a contest (a
 * line) of its own.
 */
@IntegrationTest
@TestPropertySource(properties = { "civiquiz.waiting-room.admission-rate=0.1", "civiquiz.waiting-room.burst=1s",
		"civiquiz.waiting-room.max-starts-in-flight=2", "civiquiz.waiting-room.max-requests-in-flight=1",
		"civiquiz.waiting-room.poll-rate=0.1",
		// a loaded machine must not fill the line here: the lag is tested on its own
		"civiquiz.waiting-room.max-event-loop-lag=1h", "civiquiz.waiting-room.admitted-for=5m" })
class WaitingRoomIntegrationTests {

	/** One admission's worth of the allowance at 0.1 a second. */
	private static final Duration ONE_ADMISSION = Duration.ofSeconds(10);

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private MovableClock clock;

	@Autowired
	private WaitingRoom room;

	@Autowired
	private RequestsInFlight requests;

	@Autowired
	private EventLoopLag lag;

	@LocalServerPort
	private int port;

	private String slug;

	@BeforeEach
	void contest() throws InterruptedException {
		this.slug = ContestFixtures.openContest(this.contests, "room-" + UUID.randomUUID().toString().substring(0, 8),
				List.of("D1"), List.of(new NewUnit("U1", "Unit one", null, null)));
		// after a test that stopped Redis: the room answers from Redis again, not open
		for (int i = 0; i < 300 && !redisAnswers(); i++) {
			Thread.sleep(100);
		}
	}

	private boolean redisAnswers() {
		return Boolean.TRUE.equals(this.room.line(this.slug).map((line) -> true).onErrorReturn(false).block());
	}

	@Test
	void startsBeyondTheRateWaitInLineAndAreAdmittedInTheirOrder() {
		// the allowance is full (one start): the first goes in at once
		start(null).expectStatus().isCreated();
		JsonNode second = waiting(start(null), 1);
		JsonNode third = waiting(start(null), 2);
		JsonNode fourth = waiting(start(null), 3);
		// a ticket asks again: same place, and the room says when to ask next
		Map<?, ?> asked = poll(text(third, "ticket"));
		assertThat(asked.get("admitted")).isEqualTo(false);
		assertThat(asked.get("position")).isEqualTo(2);
		assertThat(((Number) asked.get("retryAfterMs")).longValue()).isBetween(500L, 20_000L);
		assertThat(((Number) asked.get("estimatedWaitSeconds")).longValue()).isBetween(10L, 20L);

		// one admission's time later the head of the line is admitted, whoever asks
		this.clock.advance(ONE_ADMISSION);
		Map<?, ?> thirdNow = poll(text(third, "ticket"));
		assertThat(thirdNow.get("admitted")).isEqualTo(false);
		assertThat(thirdNow.get("position")).isEqualTo(1);
		assertThat(poll(text(second, "ticket")).get("admitted")).isEqualTo(true);
		// the fourth is still behind the third
		assertThat(poll(text(fourth, "ticket")).get("position")).isEqualTo(2);
		// the admitted ticket starts, and its admission holds for a retry
		start(text(second, "ticket")).expectStatus().isCreated();
		start(text(second, "ticket")).expectStatus().isCreated();

		this.clock.advance(ONE_ADMISSION);
		assertThat(poll(text(fourth, "ticket")).get("position")).isEqualTo(1);
		start(text(third, "ticket")).expectStatus().isCreated();
		waiting(start(text(fourth, "ticket")), 1);
		this.clock.advance(ONE_ADMISSION);
		start(text(fourth, "ticket")).expectStatus().isCreated();
		// a newcomer finds the allowance used up
		waiting(start(null), 1);
	}

	@Test
	void aLongLineIsAskedAboutLessOften() {
		start(null).expectStatus().isCreated();
		for (int position = 1; position <= 4; position++) {
			waiting(start(null), position);
		}
		// five waiting, and the line may cost 0.1 polls a second: the last asks again
		// after 50 s, past the 20 s a short line's pages wait at most
		assertThat(waiting(start(null), 5).get("retryAfterMs").asLong()).isBetween(40_000L, 50_000L);
	}

	@Test
	void anAdmissionLapsesAfterItsTime() {
		start(null).expectStatus().isCreated();
		String ticket = text(waiting(start(null), 1), "ticket");
		this.clock.advance(ONE_ADMISSION);
		assertThat(poll(ticket).get("admitted")).isEqualTo(true);
		this.clock.advance(Duration.ofMinutes(6));
		// lapsed: it joins the line again, where the allowance (refilled meanwhile)
		// admits it at once
		assertThat(poll(ticket).get("admitted")).isEqualTo(true);
		// used up by it, the next one waits
		waiting(start(null), 1);
	}

	@Test
	void theStartsKeyKeepsItsPlaceWithoutTheTicket() {
		start(null).expectStatus().isCreated();
		String key = UUID.randomUUID().toString();
		Map<String, Object> registration = registration(ExamFixtures.newPhone());
		JsonNode first = waiting(keyed(key, registration, null), 1);
		waiting(start(null), 2);
		// the page lost the answer and sends its start again, without the ticket
		assertThat(text(waiting(keyed(key, registration, null), 1), "ticket")).isEqualTo(text(first, "ticket"));
		this.clock.advance(ONE_ADMISSION);
		keyed(key, registration, null).expectStatus().isCreated();
		keyed(key, registration, null).expectStatus().isOk();
	}

	@Test
	void aSaturatedReplicaAdmitsNobodyUntilItsStartsAreDone() {
		this.clock.advance(ONE_ADMISSION);
		WaitingRoom.Pass one = this.room.enter(this.slug, null, null).block();
		this.clock.advance(ONE_ADMISSION);
		WaitingRoom.Pass two = this.room.enter(this.slug, null, null).block();
		this.clock.advance(ONE_ADMISSION);
		// two starts under way: the allowance has room, but this replica admits nobody
		String ticket = text(waiting(start(null), 1), "ticket");
		assertThat(poll(ticket).get("admitted")).isEqualTo(false);
		one.release();
		two.release();
		two.release();
		assertThat(poll(ticket).get("admitted")).isEqualTo(true);
		start(ticket).expectStatus().isCreated();
	}

	@Test
	void aReplicaBusyWithOtherRequestsAdmitsNobodyUntilTheyAreDone() throws Exception {
		this.clock.advance(ONE_ADMISSION);
		String ticket;
		// two requests whose bodies are still coming: more than the one this replica
		// takes besides the caller's own
		try (Socket one = unfinishedRequest(); Socket two = unfinishedRequest()) {
			awaitRequestsInFlight(2);
			ticket = text(waiting(start(null), 1), "ticket");
			assertThat(poll(ticket).get("admitted")).isEqualTo(false);
		}
		awaitRequestsInFlight(0);
		assertThat(poll(ticket).get("admitted")).isEqualTo(true);
		start(ticket).expectStatus().isCreated();
	}

	@Test
	void aLateEventLoopIsMeasured() throws InterruptedException {
		// one of the server's loops busy for a second, as with a CPU that others share
		// (a plain busy loop: BlockHound counts Thread.onSpinWait as blocking)
		this.lag.loops().next().execute(() -> {
			long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
			while (System.nanoTime() < until) {
				// busy
			}
		});
		Thread.sleep(1200);
		// a probe handed over during that second waited for its end
		assertThat(this.lag.recentMillis()).isGreaterThanOrEqualTo(500);
		// forgotten within a couple of seconds once the loops are on time again
		for (int i = 0; i < 100 && this.lag.recentMillis() >= 500; i++) {
			Thread.sleep(100);
		}
		assertThat(this.lag.recentMillis()).isLessThan(500);
	}

	/** A start whose body never comes: under way until its connection closes. */
	private Socket unfinishedRequest() throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		socket.getOutputStream()
			.write(("POST /api/contests/" + this.slug + "/attempts HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
				.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
		return socket;
	}

	private void awaitRequestsInFlight(int count) throws InterruptedException {
		for (int i = 0; i < 100 && this.requests.current() != count; i++) {
			Thread.sleep(50);
		}
		assertThat(this.requests.current()).isEqualTo(count);
	}

	@Test
	void organizersSeeTheLine() {
		start(null).expectStatus().isCreated();
		waiting(start(null), 1);
		waiting(start(null), 2);
		this.client.get()
			.uri("/api/admin/contests/{slug}/waiting-room", this.slug)
			.headers((headers) -> headers.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.waiting")
			.isEqualTo(2)
			.jsonPath("$.estimatedWaitSeconds")
			.isEqualTo(20)
			.jsonPath("$.admissionRate")
			.isEqualTo(0.1)
			.jsonPath("$.enabled")
			.isEqualTo(true);
		this.client.get()
			.uri("/api/admin/contests/{slug}/waiting-room", this.slug)
			.exchange()
			.expectStatus()
			.is4xxClientError();
	}

	@Test
	void ticketsAreAskedAboutOnlyForPublicContestsAndAsTickets() {
		this.client.get()
			.uri("/api/contests/{slug}/waiting-room/{ticket}", "no-such-contest", "abc")
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.get()
			.uri("/api/contests/{slug}/waiting-room/{ticket}", this.slug, "a".repeat(81))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("WAITING_ROOM_TICKET_INVALID");
	}

	@Test
	void withoutRedisTheRoomIsOpen() {
		start(null).expectStatus().isCreated();
		String ticket = text(waiting(start(null), 1), "ticket");
		EmbeddedServers.stopRedis();
		try {
			start(null).expectStatus().isCreated();
			start(null).expectStatus().isCreated();
			assertThat(poll(ticket).get("admitted")).isEqualTo(true);
		}
		finally {
			EmbeddedServers.restartRedis();
		}
	}

	private WebTestClient.ResponseSpec start(String ticket) {
		return keyed(null, registration(ExamFixtures.newPhone()), ticket);
	}

	private WebTestClient.ResponseSpec keyed(String key, Map<String, Object> registration, String ticket) {
		return this.client.post().uri("/api/contests/{slug}/attempts", this.slug).headers((headers) -> {
			if (key != null) {
				headers.set("Idempotency-Key", key);
			}
			if (ticket != null) {
				headers.set("X-Waiting-Room-Ticket", ticket);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(registration).exchange();
	}

	/** The room's answer to a start: 503 with the place, and when to ask again. */
	private static JsonNode waiting(WebTestClient.ResponseSpec response, int position) {
		JsonNode problem = response.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(problem.get("code").asString()).isEqualTo("WAITING_ROOM");
		assertThat(problem.get("position").asInt()).isEqualTo(position);
		assertThat(problem.get("detail").asString()).contains("vị trí thứ " + position);
		assertThat(problem.get("retryAfterMs").asLong()).isPositive();
		return problem;
	}

	private Map<?, ?> poll(String ticket) {
		return this.client.get()
			.uri("/api/contests/{slug}/waiting-room/{ticket}", this.slug, ticket)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static String text(JsonNode node, String field) {
		return node.get(field).asString();
	}

	private static Map<String, Object> registration(String phone) {
		Map<String, Object> registration = ExamFixtures.registration(phone);
		registration.put("unitCode", "U1");
		registration.put("district", "D1");
		return registration;
	}

	/** The app's clock, moved by an admission's time instead of waiting for it. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
