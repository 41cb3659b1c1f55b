package org.civiquiz.leaderboard;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.exam.ReadModelReconciler;
import org.civiquiz.platform.embedded.EmbeddedServers;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live boards on the real Redis, each test in a contest of its own so that the rankings
 * are exactly the ones it builds.
 */
@IntegrationTest
class LeaderboardIntegrationTests {

	private static final AtomicInteger CONTESTS = new AtomicInteger();

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private ReadModelReconciler reconciler;

	private Map<Long, BankQuestion> bank;

	private String slug;

	@BeforeEach
	void newContest() {
		this.bank = ExamFixtures.bank(this.client);
		this.slug = ContestFixtures.openContest(this.contests,
				"board-" + CONTESTS.incrementAndGet() + "-" + System.nanoTime() % 100_000,
				List.of("Quận Một", "Quận Hai"),
				List.of(new NewUnit("U1", "Đơn vị Một", null, null), new NewUnit("U2", "Đơn vị Hai", null, 40)));
	}

	@Test
	void higherScoreFirstThenShorterDuration() {
		take("Nguyễn Văn An", "U1", "Quận Một", 18, Duration.ofMinutes(9));
		take("Trần Thị Bình", "U2", "Quận Hai", 18, Duration.ofMinutes(4));
		take("Lê Cường", "U1", "Quận Hai", 20, Duration.ofMinutes(15));
		take("Phạm Dũng", "U2", "Quận Một", 12, Duration.ofMinutes(1));

		board("").jsonPath("$.ranked")
			.isEqualTo(4)
			.jsonPath("$.entries[*].name")
			.isEqualTo(List.of("Lê C.", "Trần T. B.", "Nguyễn V. A.", "Phạm D."))
			.jsonPath("$.entries[*].score")
			.isEqualTo(List.of(20, 18, 18, 12))
			.jsonPath("$.entries[*].rank")
			.isEqualTo(List.of(1, 2, 3, 4))
			.jsonPath("$.entries[0].unitName")
			.isEqualTo("Đơn vị Một")
			.jsonPath("$.entries[1].durationMs")
			.value((Integer ms) -> assertThat(ms).isBetween(240_000, 245_000));
		board("round=1&limit=2").jsonPath("$.entries.length()").isEqualTo(2).jsonPath("$.round").isEqualTo(1);
	}

	@Test
	void equalScoreAndDurationAreSplitByTheEarlierSubmission() {
		AttemptStarted first = take("Nguyễn Văn An", "U1", "Quận Một", 17, Duration.ofMinutes(6));
		AttemptStarted second = take("Trần Thị Bình", "U2", "Quận Hai", 17, Duration.ofMinutes(5));
		AttemptStarted third = take("Lê Cường", "U1", "Quận Hai", 17, Duration.ofMinutes(7));
		// the same time taken to the millisecond, submitted in the order third, first,
		// second
		for (Object[] attempt : new Object[][] { { third, 1 }, { first, 2 }, { second, 3 } }) {
			this.database.sql(
					"update attempt set duration_ms = 300000, submitted_at = now() - cast(:ago as interval) where id = :id")
				.bind("ago", (10 - (int) attempt[1]) + " minutes")
				.bind("id", ((AttemptStarted) attempt[0]).attemptId())
				.fetch()
				.rowsUpdated()
				.block();
		}
		this.client.post()
			.uri("/api/admin/contests/{slug}/rebuild", this.slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk();
		board("").jsonPath("$.entries[*].name")
			.isEqualTo(List.of("Lê C.", "Nguyễn V. A.", "Trần T. B."))
			.jsonPath("$.entries[*].durationMs")
			.isEqualTo(List.of(300000, 300000, 300000));
	}

	@Test
	void aBetterAttemptReplacesAWorseOneAndNeverTheReverse() {
		String phone = ExamFixtures.newPhone();
		take(phone, "Võ Thị Em", "U1", "Quận Một", 10, Duration.ofMinutes(5));
		board("").jsonPath("$.entries[0].score").isEqualTo(10);
		take(phone, "Võ Thị Em", "U1", "Quận Một", 15, Duration.ofMinutes(5));
		board("").jsonPath("$.entries[0].score").isEqualTo(15);
		take(phone, "Võ Thị Em", "U1", "Quận Một", 5, Duration.ofMinutes(1));
		board("").jsonPath("$.ranked").isEqualTo(1).jsonPath("$.entries[0].score").isEqualTo(15);
	}

	@Test
	void unitAndDistrictBoardsHoldOnlyTheirOwn() {
		take("Nguyễn Văn An", "U1", "Quận Một", 11, Duration.ofMinutes(3));
		take("Trần Thị Bình", "U2", "Quận Một", 19, Duration.ofMinutes(3));
		take("Lê Cường", "U1", "Quận Hai", 14, Duration.ofMinutes(3));
		board("unit=U1").jsonPath("$.entries[*].name").isEqualTo(List.of("Lê C.", "Nguyễn V. A."));
		board("unit=U2&round=1").jsonPath("$.entries[*].name").isEqualTo(List.of("Trần T. B."));
		board("district=Quận Một").jsonPath("$.entries[*].name").isEqualTo(List.of("Trần T. B.", "Nguyễn V. A."));
		this.client.get()
			.uri("/api/contests/{slug}/leaderboard?unit=U1&district=Quận Một", this.slug)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("LEADERBOARD_ONE_FILTER");
		this.client.get()
			.uri("/api/contests/{slug}/leaderboard?round=9", this.slug)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ROUND_NOT_FOUND");
	}

	@Test
	void anAttemptKnowsItsRank() {
		take("Nguyễn Văn An", "U1", "Quận Một", 19, Duration.ofMinutes(3));
		take("Trần Thị Bình", "U2", "Quận Hai", 17, Duration.ofMinutes(3));
		AttemptStarted mine = take("Lê Cường", "U1", "Quận Hai", 15, Duration.ofMinutes(3));
		// while the round is open, no rank: with one's own score it tells how many did
		// better
		this.client.get()
			.uri("/api/attempts/{id}/rank", mine.attemptId())
			.header("X-Attempt-Token", mine.token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ranksHidden")
			.isEqualTo(true)
			.jsonPath("$.inRound.rank")
			.doesNotExist()
			.jsonPath("$.inRound.ranked")
			.isEqualTo(3);
		setRoundCloses("now() - interval '1 second'");
		try {
			this.client.get()
				.uri("/api/attempts/{id}/rank", mine.attemptId())
				.header("X-Attempt-Token", mine.token())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.ranksHidden")
				.isEqualTo(false)
				.jsonPath("$.inRound.rank")
				.isEqualTo(3)
				.jsonPath("$.inRound.ranked")
				.isEqualTo(3)
				.jsonPath("$.inContest.rank")
				.isEqualTo(3)
				.jsonPath("$.inUnit.rank")
				.isEqualTo(2)
				.jsonPath("$.inUnit.ranked")
				.isEqualTo(2)
				.jsonPath("$.inDistrict.rank")
				.isEqualTo(2);
		}
		finally {
			setRoundCloses("now() + interval '1 day'");
		}
		AttemptStarted open = ExamFixtures.started(ExamFixtures
			.start(this.client, this.slug, registration(ExamFixtures.newPhone(), "Hà My", "U2", "Quận Một"))
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		this.client.get()
			.uri("/api/attempts/{id}/rank", open.attemptId())
			.header("X-Attempt-Token", open.token())
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ATTEMPT_NOT_SUBMITTED");
	}

	@Test
	void boardsRebuiltFromPostgresAfterRedisLostEverythingAreIdentical() {
		take("Nguyễn Văn An", "U1", "Quận Một", 19, Duration.ofMinutes(7));
		take("Trần Thị Bình", "U2", "Quận Hai", 19, Duration.ofMinutes(6));
		take("Lê Cường", "U1", "Quận Hai", 8, Duration.ofMinutes(2));
		String before = boardJson("");
		String unitBefore = boardJson("unit=U1");

		this.redis.execute((connection) -> connection.serverCommands().flushAll()).blockLast();
		assertThat(boardJson("")).contains("\"ranked\":0");
		this.client.post()
			.uri("/api/admin/contests/{slug}/rebuild", this.slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.replayed")
			.value((Integer replayed) -> assertThat(replayed).isGreaterThanOrEqualTo(3));
		assertThat(boardJson("")).isEqualTo(before);
		assertThat(boardJson("unit=U1")).isEqualTo(unitBefore);
	}

	@Test
	void submissionsAcceptedWhileRedisWasDownAppearOnceItIsBack() {
		take("Nguyễn Văn An", "U1", "Quận Một", 12, Duration.ofMinutes(7));
		EmbeddedServers.stopRedis();
		try {
			take("Trần Thị Bình", "U2", "Quận Hai", 16, Duration.ofMinutes(6));
			take("Lê Cường", "U1", "Quận Hai", 14, Duration.ofMinutes(2));
		}
		finally {
			EmbeddedServers.restartRedis();
		}
		// what the reconciler does on its next tick, once Redis answers again
		for (int i = 0; i < 40 && !boardOrUnavailable().contains("\"ranked\":3"); i++) {
			this.reconciler.reconcile().onErrorResume((ex) -> reactor.core.publisher.Mono.empty()).block();
			sleep();
		}
		board("").jsonPath("$.entries[*].name").isEqualTo(List.of("Trần T. B.", "Lê C.", "Nguyễn V. A."));
	}

	/**
	 * The probe's attack: one's own 20/20 submitted last and slower than the others
	 * ranked just below every other 20/20, so "my rank - 1" was the count the prediction
	 * question asks for. While the round is open every public board lists its people by
	 * when they entered, latest first, without ranks: the attacker is first wherever they
	 * are, and nothing in the order depends on scores.
	 */
	@Test
	void whileTheRoundIsOpenNoBoardTellsHowManyScored20() {
		take("Nguyễn Văn An", "U1", "Quận Một", 20, Duration.ofMinutes(5));
		take("Trần Thị Bình", "U2", "Quận Hai", 14, Duration.ofMinutes(3));
		take("Lê Cường", "U1", "Quận Hai", 20, Duration.ofMinutes(9));
		take("Phạm Dũng", "U2", "Quận Một", 20, Duration.ofMinutes(2));
		take("Võ Thị Em", "U1", "Quận Một", 11, Duration.ofMinutes(7));
		AttemptStarted mine = take("Hoàng Văn Gian", "U1", "Quận Một", 20, Duration.ofMinutes(19));
		Map<String, List<String>> expected = Map.of("",
				List.of("Hoàng V. G.", "Võ T. E.", "Phạm D.", "Lê C.", "Trần T. B.", "Nguyễn V. A."), "round=1",
				List.of("Hoàng V. G.", "Võ T. E.", "Phạm D.", "Lê C.", "Trần T. B.", "Nguyễn V. A."), "unit=U1",
				List.of("Hoàng V. G.", "Võ T. E.", "Lê C.", "Nguyễn V. A."), "round=1&unit=U2",
				List.of("Phạm D.", "Trần T. B."), "district=Quận Một",
				List.of("Hoàng V. G.", "Võ T. E.", "Phạm D.", "Nguyễn V. A."), "round=1&district=Quận Hai",
				List.of("Lê C.", "Trần T. B."));
		expected.forEach((query, names) -> {
			String json = new String(this.client.get()
				.uri("/api/contests/" + this.slug + "/leaderboard?" + query)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.scoresHidden")
				.isEqualTo(true)
				.jsonPath("$.ranked")
				.isEqualTo(names.size())
				.jsonPath("$.entries[*].name")
				.isEqualTo(names)
				.returnResult()
				.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(json).as(query)
				.doesNotContain("\"rank\"")
				.doesNotContain("\"score\"")
				.doesNotContain("durationMs");
		});
		String rank = new String(this.client.get()
			.uri("/api/attempts/{id}/rank", mine.attemptId())
			.header("X-Attempt-Token", mine.token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ranksHidden")
			.isEqualTo(true)
			.returnResult()
			.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(rank).doesNotContain("\"rank\"").doesNotContain("score");
		// once the round closes, the board is by score again
		board("").jsonPath("$.entries[*].name")
			.isEqualTo(List.of("Phạm D.", "Nguyễn V. A.", "Lê C.", "Hoàng V. G.", "Trần T. B.", "Võ T. E."));
	}

	@Test
	void whileTheRoundIsOpenTheContestPageShowsNoScoresButOrganizersSeeThem() {
		take("Nguyễn Văn An", "U1", "Quận Một", 20, Duration.ofMinutes(9));
		take("Trần Thị Bình", "U2", "Quận Hai", 20, Duration.ofMinutes(4));
		take("Lê Cường", "U1", "Quận Hai", 17, Duration.ofMinutes(4));
		String contest = new String(this.client.get()
			.uri("/api/contests/{slug}", this.slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(contest).doesNotContain("score").doesNotContain("perfect");
		// organizers see it
		this.client.get()
			.uri("/api/admin/contests/{slug}/stats", this.slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.attempts.perfect")
			.isEqualTo(2);
		// once the round closes, the scores are public
		board("").jsonPath("$.entries[*].score").isEqualTo(List.of(20, 20, 17));
	}

	@Test
	void onlyOrganizersRebuild() {
		this.client.post()
			.uri("/api/admin/contests/{slug}/rebuild", this.slug)
			.headers((h) -> h.setBasicAuth("committee", IntegrationTest.COMMITTEE_PASSWORD))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private AttemptStarted take(String name, String unit, String district, int correct, Duration took) {
		return take(ExamFixtures.newPhone(), name, unit, district, correct, took);
	}

	/**
	 * Takes an exam that appears to have lasted {@code took}, answering {@code correct}
	 * right.
	 */
	private AttemptStarted take(String phone, String name, String unit, String district, int correct, Duration took) {
		AttemptStarted attempt = ExamFixtures
			.started(ExamFixtures.start(this.client, this.slug, registration(phone, name, unit, district))
				.expectStatus()
				.isCreated()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody());
		ExamFixtures.backdate(this.database, attempt, took);
		ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, this.bank, correct, 0, 100L))
			.expectStatus()
			.isOk();
		return attempt;
	}

	private static Map<String, Object> registration(String phone, String name, String unit, String district) {
		Map<String, Object> registration = new HashMap<>(ExamFixtures.registration(phone));
		registration.put("fullName", name);
		registration.put("unitCode", unit);
		registration.put("district", district);
		return registration;
	}

	/**
	 * The board as the public sees it once the round has closed (scores are hidden
	 * before).
	 */
	private WebTestClient.BodyContentSpec board(String query) {
		setRoundCloses("now() - interval '1 second'");
		try {
			return this.client.get()
				.uri("/api/contests/" + this.slug + "/leaderboard?" + query)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.scoresHidden")
				.isEqualTo(false);
		}
		finally {
			setRoundCloses("now() + interval '1 day'");
		}
	}

	private void setRoundCloses(String when) {
		this.database
			.sql("update contest_round set closes_at = " + when
					+ " where contest_id = (select id from contest where slug = :slug)")
			.bind("slug", this.slug)
			.fetch()
			.rowsUpdated()
			.block();
	}

	/** The board, or a 503 problem while Redis reconnects: never a 500. */
	private String boardOrUnavailable() {
		byte[] body = this.client.get()
			.uri("/api/contests/" + this.slug + "/leaderboard")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isIn(200, 503))
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		return new String(body, java.nio.charset.StandardCharsets.UTF_8);
	}

	private String boardJson(String query) {
		byte[] body = board(query).returnResult().getResponseBodyContent();
		return new String(body, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static void sleep() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
