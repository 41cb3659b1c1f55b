package org.civiquiz.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lettuce.core.cluster.SlotHash;
import reactor.test.StepVerifier;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.exam.ReadModelReconciler;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app on a real Redis Cluster of three masters (built here from the embedded
 * Redis binary), PostgreSQL still the embedded one: exams, boards, ranks, live figures,
 * an organizer's rebuild, staff sessions and rate limits, each contest's keys on the one
 * node that serves its hash tag, and a master restarted under the running app. Its own
 * app context, closed before the nodes stop.
 */
// declared before @IntegrationTest (and its SpringExtension): its afterAll runs after the
// SpringExtension's, which closes the context first
@ExtendWith(RedisClusterIntegrationTests.StopCluster.class)
@IntegrationTest
@DirtiesContext
@TestPropertySource(properties = { "civiquiz.rate-limits.timeout=5s", "civiquiz.rate-limits.start-per-phone.capacity=1",
		"civiquiz.rate-limits.start-per-phone.period=1h", "logging.level.org.civiquiz.security.RateLimiter=debug" })
class RedisClusterIntegrationTests {

	private static final String SESSION_COOKIE = "CIVIQUIZ_SESSION";

	private static EmbeddedRedisCluster cluster;

	private static String slug;

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private LettuceConnectionFactory connectionFactory;

	@Autowired
	private ReadModelReconciler reconciler;

	@DynamicPropertySource
	static void redisCluster(DynamicPropertyRegistry registry) {
		cluster = EmbeddedRedisCluster.start(Path.of("target", "it-redis-cluster"));
		registry.add("spring.data.redis.cluster.nodes", cluster::nodes);
	}

	@BeforeEach
	void contestOnTheThirdNode() {
		assertThat(this.connectionFactory.isClusterAware()).isTrue();
		if (slug == null) {
			// a slug whose slot the third master serves: not the first one a client
			// happens to ask
			String candidate;
			int n = 0;
			do {
				candidate = "cluster-" + (System.nanoTime() % 100_000) + "-" + n++;
			}
			while (EmbeddedRedisCluster.nodeOfSlot(SlotHash.getSlot("{" + candidate + "}")) != 2);
			slug = ContestFixtures.openContest(this.contests, candidate, List.of("Quận Một", "Quận Hai"),
					List.of(new NewUnit("U1", "Đơn vị Một", null, null), new NewUnit("U2", "Đơn vị Hai", null, null)));
		}
	}

	@Test
	void examsBoardsRanksFiguresAndARebuildWorkAndStayOnOneNode() {
		Map<Long, BankQuestion> bank = ExamFixtures.bank(this.client);
		take(bank, "Nguyễn Văn An", "U1", "Quận Một", 18, Duration.ofMinutes(9));
		take(bank, "Trần Thị Bình", "U2", "Quận Hai", 18, Duration.ofMinutes(4));
		AttemptStarted mine = take(bank, "Lê Cường", "U1", "Quận Hai", 20, Duration.ofMinutes(15));

		String board = boardOnceTheRoundClosed();
		assertThat(board).contains("\"ranked\":3");
		assertThat(board.indexOf("Lê C.")).isLessThan(board.indexOf("Trần T. B."));
		assertThat(board.indexOf("Trần T. B.")).isLessThan(board.indexOf("Nguyễn V. A."));
		this.client.get()
			.uri("/api/attempts/{id}/rank", mine.attemptId())
			.header("X-Attempt-Token", mine.token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.inRound.ranked")
			.isEqualTo(3)
			.jsonPath("$.inUnit.ranked")
			.isEqualTo(2);
		organizer(this.client.get().uri("/api/admin/contests/{slug}/stats", slug)).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.source")
			.isEqualTo("live")
			.jsonPath("$.attemptsStarted")
			.isEqualTo(3)
			.jsonPath("$.attemptsSubmitted")
			.isEqualTo(3)
			.jsonPath("$.participants")
			.isEqualTo(3);

		// every key of the contest is on the node that serves its hash tag, and on no
		// other
		long slot = cluster.node(0).clusterKeyslot("civiquiz:{" + slug + "}:lb:contest");
		int owner = EmbeddedRedisCluster.nodeOfSlot((int) slot);
		assertThat(owner).isEqualTo(2);
		List<String> keys = cluster.node(owner).keys("civiquiz:{" + slug + "}:*");
		assertThat(keys).anyMatch((key) -> key.contains(":lb:"))
			.anyMatch((key) -> key.contains(":stats:"))
			.hasSizeGreaterThan(10);
		for (String key : keys) {
			assertThat(cluster.node(owner).clusterKeyslot(key)).as(key).isEqualTo(slot);
		}
		for (int other = 0; other < 3; other++) {
			if (other != owner) {
				assertThat(cluster.node(other).keys("*" + slug + "*")).isEmpty();
			}
		}

		// a rebuild clears the contest's keys (SCAN over the cluster) and replays them
		String stray = "civiquiz:{" + slug + "}:lb:stray";
		this.redis.opsForValue().set(stray, "x").block();
		organizer(this.client.post().uri("/api/admin/contests/{slug}/rebuild", slug)).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.replayed")
			.value((Integer replayed) -> assertThat(replayed).isGreaterThanOrEqualTo(3));
		StepVerifier.create(this.redis.hasKey(stray)).expectNext(false).verifyComplete();
		assertThat(boardOnceTheRoundClosed()).isEqualTo(board);
		organizer(this.client.get().uri("/api/admin/contests/{slug}/stats", slug)).exchange()
			.expectBody()
			.jsonPath("$.attemptsSubmitted")
			.isEqualTo(3);

		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void aMasterRestartedUnderTrafficFailsReadsFastThenTheBoardsCatchUp() throws InterruptedException {
		Map<Long, BankQuestion> bank = ExamFixtures.bank(this.client);
		// a contest of its own, served by the third master
		String own = ContestFixtures.openContest(this.contests, slugOnNode(2, "restart"), List.of("Quận Một"),
				List.of(new NewUnit("U1", "Đơn vị Một", null, null)));
		take(bank, own, "Nguyễn Văn An", 18);
		cluster.stopNode(2);
		try {
			for (int i = 0; i < 3; i++) {
				Outages.assertQuickUnavailable(this.client.get().uri("/api/contests/{slug}/leaderboard", own));
				Outages
					.assertQuickUnavailable(organizer(this.client.get().uri("/api/admin/contests/{slug}/stats", own)));
			}
			// the exam goes on without the node
			take(bank, own, "Trần Thị Bình", 16);
			take(bank, own, "Lê Cường", 20);
		}
		finally {
			cluster.startNode(2);
		}
		Outages.awaitOk(this.client.get().uri("/api/contests/{slug}/leaderboard", own), Duration.ofSeconds(10));
		this.reconciler.reconcile().block();
		organizer(this.client.get().uri("/api/admin/contests/{slug}/stats", own)).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.attemptsSubmitted")
			.isEqualTo(3)
			.jsonPath("$.participants")
			.isEqualTo(3);
		this.client.get()
			.uri("/api/contests/{slug}/leaderboard", own)
			.exchange()
			.expectBody()
			.jsonPath("$.ranked")
			.isEqualTo(3);
	}

	@Test
	void deletingByPatternFindsTheKeysOnWhicheverMasterHoldsThem() {
		for (int node = 0; node < 3; node++) {
			String tag = tagOnNode(node);
			String pattern = "civiquiz:{" + tag + "}:lb:*";
			String kept = "civiquiz:{" + tag + "}:stats:kept";
			// more keys than one SCAN page and one DEL batch
			Flux.range(0, 1200)
				.flatMap((i) -> this.redis.opsForValue().set("civiquiz:{" + tag + "}:lb:k" + i, "v"), 32)
				.blockLast();
			this.redis.opsForValue().set(kept, "v").block();
			assertThat(cluster.node(node).keys(pattern)).hasSize(1200);

			StepVerifier.create(RedisKeys.deleteMatching(this.redis, pattern)).verifyComplete();

			assertThat(cluster.node(node).keys(pattern)).isEmpty();
			StepVerifier.create(this.redis.hasKey(kept)).expectNext(true).verifyComplete();
		}
	}

	@Test
	void staffSessionsLiveInTheClusterAcrossANewSessionId() {
		String csrf = this.client.get()
			.uri("/api/session")
			.exchange()
			.returnResult(byte[].class)
			.getResponseCookies()
			.getFirst("XSRF-TOKEN")
			.getValue();
		String first = login(csrf, null);
		assertThat(session(csrf, first).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
			.contains("\"username\":\"organizer\"");
		// a second login gets a new id: the session is renamed to a key in another slot
		String second = login(csrf, first);
		assertThat(second).isNotEqualTo(first);
		session(csrf, second).expectStatus().isOk();
		session(csrf, first).expectStatus().isUnauthorized();
		String key = "civiquiz:session:sessions:" + second;
		StepVerifier.create(this.redis.hasKey(key)).expectNext(true).verifyComplete();
		StepVerifier.create(this.redis.getExpire(key))
			.assertNext((expire) -> assertThat(expire).isPositive())
			.verifyComplete();

		csrfRequest(this.client.delete().uri("/api/session"), csrf, second).exchange().expectStatus().isNoContent();
		session(csrf, second).expectStatus().isUnauthorized();
		StepVerifier.create(this.redis.hasKey(key)).expectNext(false).verifyComplete();
	}

	@Test
	void rateLimitsAreCountedInTheClusterAndSpreadOverItsMasters() {
		String phone = ExamFixtures.newPhone();
		start(phone).expectStatus().isCreated();
		start(phone).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("RATE_LIMITED");
		for (int i = 0; i < 11; i++) {
			start(ExamFixtures.newPhone()).expectStatus().isCreated();
		}
		// a bucket's key has no hash tag: buckets spread over the masters by their hashes
		Set<Integer> nodes = new HashSet<>();
		int buckets = 0;
		for (int node = 0; node < 3; node++) {
			int here = cluster.node(node).keys("civiquiz:rate:start-phone:*").size();
			buckets += here;
			if (here > 0) {
				nodes.add(node);
			}
		}
		assertThat(buckets).isGreaterThanOrEqualTo(12);
		assertThat(nodes).hasSizeGreaterThanOrEqualTo(2);
	}

	/**
	 * A start in the seeded contest, so that this test's starts leave the figures of the
	 * others alone.
	 */
	private WebTestClient.ResponseSpec start(String phone) {
		return ExamFixtures.start(this.client, ExamFixtures.registration(phone));
	}

	private AttemptStarted take(Map<Long, BankQuestion> bank, String name, String unit, String district, int correct,
			Duration took) {
		AttemptStarted attempt = ExamFixtures
			.started(start(ExamFixtures.newPhone(), name, unit, district).expectStatus()
				.isCreated()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody());
		ExamFixtures.backdate(this.database, attempt, took);
		ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, bank, correct, 0, 100L))
			.expectStatus()
			.isOk();
		return attempt;
	}

	private void take(Map<Long, BankQuestion> bank, String contest, String name, int correct) {
		AttemptStarted attempt = ExamFixtures.started(
				ExamFixtures.start(this.client, contest, registration(ExamFixtures.newPhone(), name, "U1", "Quận Một"))
					.expectStatus()
					.isCreated()
					.expectBody(String.class)
					.returnResult()
					.getResponseBody());
		ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, bank, correct, 0, 100L))
			.expectStatus()
			.isOk();
	}

	private WebTestClient.ResponseSpec start(String phone, String name, String unit, String district) {
		return ExamFixtures.start(this.client, slug, registration(phone, name, unit, district));
	}

	private static Map<String, Object> registration(String phone, String name, String unit, String district) {
		Map<String, Object> registration = new HashMap<>(ExamFixtures.registration(phone));
		registration.put("fullName", name);
		registration.put("unitCode", unit);
		registration.put("district", district);
		return registration;
	}

	/** The public board, with scores: the round is closed for the moment of the call. */
	private String boardOnceTheRoundClosed() {
		setRoundCloses("now() - interval '1 second'");
		try {
			byte[] body = this.client.get()
				.uri("/api/contests/{slug}/leaderboard", slug)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.scoresHidden")
				.isEqualTo(false)
				.returnResult()
				.getResponseBodyContent();
			return new String(body, StandardCharsets.UTF_8);
		}
		finally {
			setRoundCloses("now() + interval '1 day'");
		}
	}

	private void setRoundCloses(String when) {
		this.database
			.sql("update contest_round set closes_at = " + when
					+ " where contest_id = (select id from contest where slug = :slug)")
			.bind("slug", slug)
			.fetch()
			.rowsUpdated()
			.block();
	}

	private static WebTestClient.RequestHeadersSpec<?> organizer(WebTestClient.RequestHeadersSpec<?> request) {
		return request.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD));
	}

	/** Logs the organizer in as the organizer page does; returns the session cookie. */
	private String login(String csrf, String session) {
		EntityExchangeResult<byte[]> result = ((WebTestClient.RequestBodySpec) csrfRequest(
				this.client.post().uri("/api/session"), csrf, session))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "organizer", "password", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		ResponseCookie cookie = result.getResponseCookies().getFirst(SESSION_COOKIE);
		assertThat(cookie).isNotNull();
		return cookie.getValue();
	}

	private WebTestClient.ResponseSpec session(String csrf, String session) {
		return csrfRequest(this.client.get().uri("/api/session"), csrf, session).exchange();
	}

	private static WebTestClient.RequestHeadersSpec<?> csrfRequest(WebTestClient.RequestHeadersSpec<?> request,
			String csrf, String session) {
		request.header("X-Requested-With", "XMLHttpRequest").cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf);
		if (session != null) {
			request.cookie(SESSION_COOKIE, session);
		}
		return request;
	}

	/** A contest slug whose keys ({@code civiquiz:{slug}:…}) the node serves. */
	private static String slugOnNode(int node, String prefix) {
		String slug;
		int n = 0;
		do {
			slug = prefix + "-" + n++;
		}
		while (EmbeddedRedisCluster.nodeOfSlot(SlotHash.getSlot("{" + slug + "}")) != node);
		return slug;
	}

	private static String tagOnNode(int node) {
		String tag;
		int n = 0;
		do {
			tag = "scan-" + node + "-" + n++;
		}
		while (EmbeddedRedisCluster.nodeOfSlot(SlotHash.getSlot("{" + tag + "}")) != node);
		return tag;
	}

	/**
	 * Stops the nodes once the app context (dirty, so closed after the class) no longer
	 * uses them.
	 */
	static class StopCluster implements AfterAllCallback {

		@Override
		public void afterAll(ExtensionContext extension) {
			if (cluster != null) {
				cluster.close();
				cluster = null;
			}
		}

	}

}
