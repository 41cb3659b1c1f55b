package org.civiquiz.leaderboard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Unit;
import org.civiquiz.exam.AttemptOpened;
import org.civiquiz.exam.AttemptSubmitted;
import org.civiquiz.exam.ReadModel;
import org.civiquiz.platform.LuaScript;
import org.civiquiz.platform.RedisGuard;
import org.civiquiz.platform.RedisKeys;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveHashCommands.HSetCommand;
import org.springframework.data.redis.connection.ReactiveZSetCommands.ZAddCommand;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.zset.DefaultTuple;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Keeps each participant's best result in Redis sorted sets: per round and for the whole
 * contest, each over everyone, per unit and per district. One submission is one pipelined
 * round trip of {@code ZADD GT}s, so replaying a submission (a resend, a rebuild) never
 * lowers anyone. An unranked contest (practice) has no boards: nothing of it is written.
 * A participant's ranks and a board's page are one Lua script each, one round trip; a
 * replica keeps each page it read for {@code civiquiz.leaderboard.page-cache-ttl}.
 */
@Service
public class LeaderboardService implements ReadModel {

	private static final char SEPARATOR = '\u001F';

	private static final LuaScript RANK = LuaScript.of("redis/leaderboard-rank.lua");

	private static final LuaScript PAGE = LuaScript.of("redis/leaderboard-page.lua");

	private final ReactiveStringRedisTemplate redis;

	private final RedisGuard guard;

	private final PageCache pages;

	LeaderboardService(ReactiveStringRedisTemplate redis, RedisGuard guard, LeaderboardProperties properties) {
		this.redis = redis;
		this.guard = guard;
		this.pages = new PageCache(properties.pageCacheTtl(), properties.pageCacheSize());
	}

	@Override
	public Mono<Void> onSubmitted(AttemptSubmitted event) {
		return event.ranked() ? this.guard.mono(write(List.of(event))) : Mono.empty();
	}

	/** An unranked contest's boards are always what they should be: none. */
	@Override
	public Mono<Boolean> isBuilt(ContestSettings contest) {
		return contest.ranked() ? this.redis.hasKey(keys(contest.slug()).key(BUILT)) : Mono.just(true);
	}

	/**
	 * Replays every submission into the boards with {@code ZADD GT}: nobody is lowered, a
	 * submission accepted meanwhile lands either way.
	 */
	@Override
	public Mono<Long> replay(ContestSettings contest, Flux<AttemptOpened> openings,
			Flux<AttemptSubmitted> submissions) {
		if (!contest.ranked()) {
			return Mono.just(0L);
		}
		return submissions.buffer(500)
			.concatMap((batch) -> write(batch).thenReturn(batch.size()))
			.reduce(0L, Long::sum)
			.flatMap((count) -> this.redis.opsForValue()
				.set(keys(contest.slug()).key(BUILT), Long.toString(count))
				.thenReturn(count));
	}

	@Override
	public Mono<Void> clear(ContestSettings contest) {
		return RedisKeys.deleteMatching(this.redis, keys(contest.slug()).all());
	}

	/**
	 * A board, best first; while its round is open, its people by when they entered,
	 * latest first, without ranks or scores. Kept per replica for
	 * {@code civiquiz.leaderboard.page-cache-ttl}.
	 * @param contest the contest
	 * @param round a round number, or {@code null} for the whole contest
	 * @param unit a unit code, or {@code null}
	 * @param district a district, or {@code null}
	 * @param limit how many entries
	 * @param open whether the board's round is open
	 * @return the board
	 */
	Mono<LeaderboardPage> page(ContestSettings contest, Integer round, String unit, String district, int limit,
			boolean open) {
		return this.pages.get(new PageCache.Key(contest.slug(), round, unit, district, limit, open),
				() -> readPage(contest, round, unit, district, limit, open));
	}

	/** The top of the board with its people: one script, one round trip. */
	private Mono<LeaderboardPage> readPage(ContestSettings contest, Integer round, String unit, String district,
			int limit, boolean open) {
		String key = open ? entered(contest.slug(), round, unit, district)
				: board(contest.slug(), round, unit, district);
		return this.guard.mono(eval(PAGE, List.of(key, keys(contest.slug()).key("people")), Integer.toString(limit))
			.map((reply) -> toPage(contest, round, unit, district, open, reply)));
	}

	/**
	 * The page from {@code leaderboard-page.lua}'s answer: the board's size, then each
	 * entry's value and person.
	 */
	private static LeaderboardPage toPage(ContestSettings contest, Integer round, String unit, String district,
			boolean open, List<?> reply) {
		List<LeaderboardPage.Entry> entries = new ArrayList<>();
		for (int i = 1; i + 1 < reply.size(); i += 2) {
			String[] person = split(text(reply.get(i + 1)));
			String unitName = contest.unit(person[1]).map(Unit::name).orElse(null);
			double value = Double.parseDouble(text(reply.get(i)));
			entries.add(open ? new LeaderboardPage.Entry(null, person[0], person[1], unitName, person[2], null, null)
					: new LeaderboardPage.Entry(entries.size() + 1, person[0], person[1], unitName, person[2],
							LeaderboardScore.score(value), LeaderboardScore.durationMs(value)));
		}
		return new LeaderboardPage(round, unit, district, number(reply, 0), open, entries);
	}

	/**
	 * Where a participant stands with their best result: in the round, in the contest,
	 * and within their unit and district in the round. One script, one round trip.
	 * @param submission one of the participant's submissions
	 * @return the ranks (1 = first)
	 */
	Mono<AttemptRank> rank(AttemptSubmitted submission) {
		String slug = submission.contestSlug();
		int round = submission.roundNumber();
		List<String> boards = List.of(board(slug, round, null, null), board(slug, null, null, null),
				board(slug, round, submission.unitCode(), null), board(slug, round, null, submission.district()));
		return this.guard.mono(eval(RANK, boards, Long.toString(submission.participantId()))
			.map((reply) -> new AttemptRank(submission.attemptId(), round, standing(reply, 0), standing(reply, 1),
					standing(reply, 2), standing(reply, 3), false)));
	}

	/**
	 * The board's rank (0: not on it) and size, as {@code leaderboard-rank.lua} answers.
	 */
	private static AttemptRank.Standing standing(List<?> reply, int board) {
		long rank = number(reply, 2 * board);
		return new AttemptRank.Standing((rank == 0) ? null : rank, number(reply, 2 * board + 1));
	}

	/**
	 * Puts submissions on their boards: one pipelined round trip.
	 */
	Mono<Void> write(List<AttemptSubmitted> events) {
		List<ZAddCommand> boards = new ArrayList<>();
		Map<ByteBuffer, ByteBuffer> people = new LinkedHashMap<>();
		String slug = events.get(0).contestSlug();
		for (AttemptSubmitted event : events) {
			byte[] member = Long.toString(event.participantId()).getBytes(StandardCharsets.UTF_8);
			for (Integer round : new Integer[] { event.roundNumber(), null }) {
				// "earlier submission" counts from the opening of what the board ranks
				Instant opened = (round != null) ? event.roundOpensAt() : event.contestOpensAt();
				double value = LeaderboardScore.encode(event.score(), event.durationMs(),
						Duration.between(opened, event.submittedAt()).toSeconds());
				double entered = event.submittedAt().toEpochMilli();
				for (String[] scope : new String[][] { { null, null }, { event.unitCode(), null },
						{ null, event.district() } }) {
					boards.add(ZAddCommand.tuple(new DefaultTuple(member, value))
						.to(bytes(board(slug, round, scope[0], scope[1])))
						.gt());
					// the first submission's time: a replay in any order keeps the
					// earliest
					boards.add(ZAddCommand.tuple(new DefaultTuple(member, entered))
						.to(bytes(entered(slug, round, scope[0], scope[1])))
						.lt());
				}
			}
			people.put(ByteBuffer.wrap(member), bytes(DisplayNames.mask(event.participantName()) + SEPARATOR
					+ event.unitCode() + SEPARATOR + event.district()));
		}
		HSetCommand names = HSetCommand.fieldValues(people).forKey(bytes(keys(slug).key("people")));
		return this.redis.execute((connection) -> Flux.merge(connection.zSetCommands().zAdd(Flux.fromIterable(boards)),
				connection.hashCommands().hSet(Mono.just(names))))
			.then();
	}

	private Mono<List<?>> eval(LuaScript script, List<String> keys, String... args) {
		return script
			.eval(this.redis, ReturnType.MULTI, keys.size(),
					Stream.concat(keys.stream(), Stream.of(args)).toArray(String[]::new))
			.map((reply) -> (List<?>) reply);
	}

	private static long number(List<?> reply, int index) {
		return ((Number) reply.get(index)).longValue();
	}

	private static String text(Object bulk) {
		return (bulk != null) ? StandardCharsets.UTF_8.decode(((ByteBuffer) bulk).duplicate()).toString() : null;
	}

	private static String[] split(String person) {
		if (person == null) {
			return new String[] { "", "", "" };
		}
		String[] parts = person.split(String.valueOf(SEPARATOR), -1);
		return (parts.length == 3) ? parts : new String[] { person, "", "" };
	}

	private static ByteBuffer bytes(String value) {
		return ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Present once the boards were rebuilt from PostgreSQL; gone if Redis lost its data.
	 * Its version goes up with the boards' shape, so that an upgraded app replays the
	 * boards it does not yet have (2: the {@link #entered} sets).
	 */
	private static final String BUILT = "built:2";

	private static RedisKeys.ContestKeys keys(String contestSlug) {
		return RedisKeys.ofContest(contestSlug, "lb");
	}

	/**
	 * A board: a round's ({@code round} set) or the whole contest's, over everyone or one
	 * unit or one district.
	 */
	private static String board(String contestSlug, Integer round, String unit, String district) {
		return keys(contestSlug).key(scope(round, unit, district));
	}

	/**
	 * The people of a board by when they first submitted: what the public sees while the
	 * round is open, since any order by score would tell how many did better.
	 */
	private static String entered(String contestSlug, Integer round, String unit, String district) {
		return keys(contestSlug).key("entered", scope(round, unit, district));
	}

	private static String scope(Integer round, String unit, String district) {
		String scope = (round != null) ? "round:" + round : "contest";
		if (unit != null) {
			return scope + ":unit:" + unit;
		}
		return (district != null) ? scope + ":district:" + district : scope;
	}

}
