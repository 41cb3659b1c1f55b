package org.civiquiz.leaderboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.exam.AttemptSubmitted;
import org.civiquiz.platform.RedisGuard;
import org.civiquiz.platform.RedisKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant's ranks and a board's page, each one Lua script on the real Redis, and
 * the page kept per replica: the service is made here with the cache the other
 * integration tests turn off.
 */
@IntegrationTest
class LeaderboardReadsIntegrationTests {

	private static final AtomicInteger CONTESTS = new AtomicInteger();

	private static final AtomicInteger PARTICIPANTS = new AtomicInteger(900_000_000);

	@Autowired
	private ContestService contests;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private RedisGuard guard;

	private ContestSettings contest;

	private Instant opened;

	@BeforeEach
	void newContest() {
		String slug = ContestFixtures.openContest(this.contests,
				"reads-" + CONTESTS.incrementAndGet() + "-" + System.nanoTime() % 100_000,
				List.of("Quận Một", "Quận Hai"),
				List.of(new NewUnit("U1", "Đơn vị Một", null, null), new NewUnit("U2", "Đơn vị Hai", null, null)));
		this.contest = this.contests.settings(slug).block();
		this.opened = this.contest.rounds().get(0).opensAt();
	}

	@Test
	void ranksAreThePlacesOnTheBoardsTiesIncluded() {
		LeaderboardService boards = service(Duration.ZERO);
		// three results equal to the millisecond and the second: Redis orders them by
		// member, on the board and in the ranks alike
		List<AttemptSubmitted> results = List.of(submitted("Nguyễn Văn An", "U1", "Quận Một", 18, 300_000, 60),
				submitted("Trần Thị Bình", "U2", "Quận Một", 18, 300_000, 60),
				submitted("Lê Cường", "U1", "Quận Hai", 18, 300_000, 60),
				submitted("Phạm Dũng", "U2", "Quận Hai", 19, 400_000, 90),
				submitted("Võ Thị Em", "U1", "Quận Hai", 12, 100_000, 30));
		boards.write(results).block();

		List<String> board = names(boards.page(this.contest, 1, null, null, 20, false).block());
		assertThat(board).hasSize(5).startsWith("Phạm D.").endsWith("Võ T. E.");
		for (AttemptSubmitted result : results) {
			AttemptRank rank = boards.rank(result).block();
			String name = DisplayNames.mask(result.participantName());
			assertThat(rank.attemptId()).isEqualTo(result.attemptId());
			assertThat(rank.round()).isEqualTo(1);
			assertThat(rank.ranksHidden()).isFalse();
			assertThat(rank.inRound()).isEqualTo(new AttemptRank.Standing(board.indexOf(name) + 1L, 5));
			assertThat(rank.inContest()).isEqualTo(rank.inRound());
			List<String> unit = names(boards.page(this.contest, 1, result.unitCode(), null, 20, false).block());
			assertThat(rank.inUnit()).isEqualTo(new AttemptRank.Standing(unit.indexOf(name) + 1L, unit.size()));
			List<String> district = names(boards.page(this.contest, 1, null, result.district(), 20, false).block());
			assertThat(rank.inDistrict())
				.isEqualTo(new AttemptRank.Standing(district.indexOf(name) + 1L, district.size()));
		}
		assertThat(boards.rank(results.get(4)).block().inUnit()).isEqualTo(new AttemptRank.Standing(3L, 3));
		assertThat(boards.rank(results.get(3)).block().inDistrict()).isEqualTo(new AttemptRank.Standing(1L, 3));
	}

	@Test
	void aParticipantNotOnABoardHasNoRankThere() {
		LeaderboardService boards = service(Duration.ZERO);
		boards.write(List.of(submitted("Nguyễn Văn An", "U1", "Quận Một", 15, 200_000, 10))).block();
		AttemptRank absent = boards.rank(submitted("Trần Thị Bình", "U2", "Quận Hai", 20, 100_000, 20)).block();
		assertThat(List.of(absent.inRound(), absent.inContest())).containsOnly(new AttemptRank.Standing(null, 1));
		// boards nobody is on yet
		assertThat(List.of(absent.inUnit(), absent.inDistrict())).containsOnly(new AttemptRank.Standing(null, 0));
	}

	@Test
	void aPageCarriesScoresOnceClosedAndOnlyPeopleWhileOpen() {
		LeaderboardService boards = service(Duration.ZERO);
		boards.write(List.of(submitted("Nguyễn Văn An", "U1", "Quận Một", 15, 200_000, 10),
				submitted("Trần Thị Bình", "U2", "Quận Hai", 20, 100_000, 20)))
			.block();
		LeaderboardPage closed = boards.page(this.contest, 1, null, null, 1, false).block();
		assertThat(closed.ranked()).isEqualTo(2);
		assertThat(closed.entries())
			.containsExactly(new LeaderboardPage.Entry(1, "Trần T. B.", "U2", "Đơn vị Hai", "Quận Hai", 20, 100_000L));
		LeaderboardPage open = boards.page(this.contest, null, null, null, 20, true).block();
		assertThat(open.scoresHidden()).isTrue();
		// latest entry first
		assertThat(open.entries()).containsExactly(
				new LeaderboardPage.Entry(null, "Trần T. B.", "U2", "Đơn vị Hai", "Quận Hai", null, null),
				new LeaderboardPage.Entry(null, "Nguyễn V. A.", "U1", "Đơn vị Một", "Quận Một", null, null));
		assertThat(names(boards.page(this.contest, 1, "U1", null, 20, false).block())).containsExactly("Nguyễn V. A.");
		// a board nobody is on yet
		assertThat(boards.page(this.contest, 1, null, "Quận Ba", 20, false).block())
			.isEqualTo(new LeaderboardPage(1, null, "Quận Ba", 0, false, List.of()));
	}

	@Test
	void aPageIsReadOnceWithinItsTtl() {
		LeaderboardService boards = service(Duration.ofHours(1));
		boards.write(List.of(submitted("Nguyễn Văn An", "U1", "Quận Một", 15, 200_000, 10))).block();
		assertThat(names(boards.page(this.contest, 1, null, null, 20, false).block())).containsExactly("Nguyễn V. A.");

		// another replica's submission, straight into Redis: this replica's page does not
		// see it until its copy expires
		boards.write(List.of(submitted("Trần Thị Bình", "U2", "Quận Hai", 20, 100_000, 20))).block();
		assertThat(names(boards.page(this.contest, 1, null, null, 20, false).block())).containsExactly("Nguyễn V. A.");
		// another page (another limit, the open board) is read on its own
		assertThat(names(boards.page(this.contest, 1, null, null, 10, false).block())).containsExactly("Trần T. B.",
				"Nguyễn V. A.");
		assertThat(boards.page(this.contest, 1, null, null, 20, true).block().ranked()).isEqualTo(2);
	}

	@Test
	void aPageIsReadAgainOnceItsTtlHasPassed() throws InterruptedException {
		LeaderboardService boards = service(Duration.ofMillis(200));
		boards.write(List.of(submitted("Nguyễn Văn An", "U1", "Quận Một", 15, 200_000, 10))).block();
		assertThat(boards.page(this.contest, 1, null, null, 20, false).block().ranked()).isEqualTo(1);
		this.redis.opsForZSet().add(RedisKeys.ofContest(this.contest.slug(), "lb").key("round:1"), "123", 1.0).block();
		long ranked = 1;
		for (int i = 0; i < 100 && ranked == 1; i++) {
			Thread.sleep(50);
			ranked = boards.page(this.contest, 1, null, null, 20, false).block().ranked();
		}
		assertThat(ranked).isEqualTo(2);
	}

	private LeaderboardService service(Duration pageCacheTtl) {
		return new LeaderboardService(this.redis, this.guard, new LeaderboardProperties(100, pageCacheTtl, 100));
	}

	/**
	 * A submission of a new participant in round 1, {@code secondsAfter} the round
	 * opened.
	 */
	private AttemptSubmitted submitted(String name, String unit, String district, int score, int durationMs,
			long secondsAfter) {
		Instant at = this.opened.plusSeconds(secondsAfter);
		return new AttemptSubmitted(UUID.randomUUID(), this.contest.id(), this.contest.slug(), 1L, 1, this.opened,
				this.opened, PARTICIPANTS.incrementAndGet(), name, unit, district, score, 20, durationMs, at, List.of(),
				List.of(), false, true);
	}

	private static List<String> names(LeaderboardPage page) {
		List<String> names = new ArrayList<>();
		page.entries().forEach((entry) -> names.add(entry.name()));
		return names;
	}

}
