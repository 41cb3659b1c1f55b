package org.civiquiz.stats;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Round;
import org.civiquiz.exam.AttemptOpened;
import org.civiquiz.exam.AttemptSubmitted;
import org.civiquiz.exam.ReadModel;
import org.civiquiz.platform.LuaScript;
import org.civiquiz.platform.RedisGuard;
import org.civiquiz.platform.RedisKeys;
import org.civiquiz.question.QuestionBankService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.stereotype.Component;

/**
 * The figures as Redis counts them while a contest runs: every start and submission is
 * counted once (a Lua script per event, idempotent), for the contest and for its round,
 * in the same sums and counts PostgreSQL yields, so that both sources agree. Reading them
 * is one {@code HGETALL}.
 */
@Component
class LiveStats implements ReadModel {

	/**
	 * Read once at start-up (read lazily, the file would be read on a request thread),
	 * and sent with {@code EVAL}: {@code EVALSHA} fails after Redis restarts and the
	 * retry it needs, made from Lettuce's error path, can wedge Lettuce 6.8's connection
	 * lock (lettuce issues 2905, 3880). The scripts are small.
	 */
	private static final LuaScript OPENED = LuaScript.of("redis/stats-opened.lua");

	private static final LuaScript SUBMITTED = LuaScript.of("redis/stats-submitted.lua");

	private final ReactiveStringRedisTemplate redis;

	private final QuestionBankService banks;

	private final Clock clock;

	private final RedisGuard guard;

	LiveStats(ReactiveStringRedisTemplate redis, RedisGuard guard, QuestionBankService banks, Clock clock) {
		this.redis = redis;
		this.guard = guard;
		this.banks = banks;
		this.clock = clock;
	}

	@Override
	public Mono<Void> onOpened(AttemptOpened event) {
		return this.guard.mono(opened(event));
	}

	@Override
	public Mono<Void> onSubmitted(AttemptSubmitted event) {
		return this.guard.mono(submitted(event));
	}

	private Mono<Void> opened(AttemptOpened event) {
		return eval(OPENED, keys(event.contestSlug(), event.roundNumber(), event.unitCode(), event.district()),
				List.of(event.attemptId().toString(), Long.toString(event.participantId()), event.unitCode(),
						event.district(), Long.toString(event.startedAt().getEpochSecond() / 3600)));
	}

	private Mono<Void> submitted(AttemptSubmitted event) {
		List<String> args = new ArrayList<>(List.of(event.attemptId().toString(), Long.toString(event.participantId()),
				event.unitCode(), event.district(), Long.toString(event.submittedAt().getEpochSecond() / 3600),
				Integer.toString(event.score()), Integer.toString(event.durationMs())));
		for (int i = 0; i < event.questionIds().size(); i++) {
			args.add(Long.toString(event.questionIds().get(i)));
			args.add(Integer.toString(event.answers().get(i)));
		}
		return eval(SUBMITTED, keys(event.contestSlug(), event.roundNumber(), event.unitCode(), event.district()),
				args);
	}

	@Override
	public Mono<Boolean> isBuilt(ContestSettings contest) {
		return this.redis.hasKey(keys(contest.slug()).key("built"));
	}

	/** Replays every start and submission; the seen set keeps each counted once. */
	@Override
	public Mono<Long> replay(ContestSettings contest, Flux<AttemptOpened> openings,
			Flux<AttemptSubmitted> submissions) {
		return Flux
			// not through the breaker, which lets only a probe or two through while it
			// is half open: a replay's failure is repaired by the next pass
			.concat(openings.flatMap((event) -> opened(event).thenReturn(1), 16).count(),
					submissions.flatMap((event) -> submitted(event).thenReturn(1), 16).count())
			.reduce(0L, Long::sum)
			.flatMap((count) -> this.redis.opsForValue()
				.set(keys(contest.slug()).key("built"), Long.toString(count))
				.thenReturn(count));
	}

	@Override
	public Mono<Void> clear(ContestSettings contest) {
		return RedisKeys.deleteMatching(this.redis, keys(contest.slug()).all());
	}

	/**
	 * The live figures of the contest, or of one of its rounds.
	 * @param contest the contest
	 * @param round the round, or {@code null}
	 * @return the figures
	 */
	Mono<ContestStats> read(ContestSettings contest, Round round) {
		String scope = (round != null) ? "round:" + round.number() : "contest";
		Mono<Map<String, String>> counters = this.guard.mono(this.redis.<String, String>opsForHash()
			.entries(keys(contest.slug()).key(scope))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue));
		return counters.zipWith(this.banks.bank(contest.questionBank()))
			.map((tuple) -> raw(tuple.getT1(), contest.questionsPerAttempt()).toStats(contest, round, "live",
					this.clock.instant(), tuple.getT2()));
	}

	/**
	 * A number that changes whenever the contest's figures do: one read tells a watcher
	 * whether to read them again.
	 */
	Mono<Long> version(String contestSlug) {
		return this.guard.mono(
				this.redis.opsForValue().get(keys(contestSlug).key("version")).map(Long::parseLong).defaultIfEmpty(0L));
	}

	private static RawStats raw(Map<String, String> fields, int perfectScore) {
		RawStats raw = new RawStats(perfectScore);
		fields.forEach((field, text) -> {
			long value = Long.parseLong(text);
			switch (field) {
				case "participants" -> raw.participants = value;
				case "started" -> raw.started = value;
				case "submitted" -> raw.submitted = value;
				case "duration" -> raw.durationSum = value;
				default -> group(raw, field, value);
			}
		});
		return raw;
	}

	/**
	 * Fields {@code score:S}, {@code best:S}, {@code u:CODE:x}, {@code d:NAME:x},
	 * {@code h:HOUR:x}, {@code q:ID:OPTION}.
	 */
	private static void group(RawStats raw, String field, long value) {
		int first = field.indexOf(':');
		int last = field.lastIndexOf(':');
		String kind = field.substring(0, first);
		String key = field.substring(first + 1, (last > first) ? last : field.length());
		String part = (last > first) ? field.substring(last + 1) : "";
		switch (kind) {
			case "score" -> raw.histogram[Integer.parseInt(key)] = value;
			case "best" -> raw.bestHistogram[Integer.parseInt(key)] = value;
			case "u" -> RawStats.slot(raw.units, key, 4)[index(part)] = value;
			case "d" -> RawStats.slot(raw.districts, key, 4)[index(part)] = value;
			case "h" -> RawStats.slot(raw.hours, Long.parseLong(key), 2)["o".equals(part) ? 0 : 1] = value;
			case "q" -> RawStats.slot(raw.choices, Long.parseLong(key), 5)[Integer.parseInt(part)] = value;
			default -> {
			}
		}
	}

	/**
	 * {@code p} participants, {@code a} attempts, {@code n} scored attempts, {@code s}
	 * score sum.
	 */
	private static int index(String part) {
		return switch (part) {
			case "p" -> 0;
			case "a" -> 1;
			case "n" -> 2;
			default -> 3;
		};
	}

	private Mono<Void> eval(LuaScript script, List<String> keys, List<String> args) {
		return script
			.eval(this.redis, ReturnType.INTEGER, keys.size(),
					Stream.concat(keys.stream(), args.stream()).toArray(String[]::new))
			.then();
	}

	private static List<String> keys(String slug, int round, String unit, String district) {
		List<String> keys = new ArrayList<>(List.of(keys(slug).key("seen"), keys(slug).key("version")));
		for (String scope : List.of("contest", "round:" + round)) {
			keys.add(keys(slug).key(scope));
			keys.add(keys(slug).key(scope, "people"));
			keys.add(keys(slug).key(scope, "people") + ":u:" + unit);
			keys.add(keys(slug).key(scope, "people") + ":d:" + district);
			keys.add(keys(slug).key(scope, "best"));
		}
		return keys;
	}

	/** The live statistics' keys; the events already counted are under {@code seen}. */
	private static RedisKeys.ContestKeys keys(String contestSlug) {
		return RedisKeys.ofContest(contestSlug, "stats");
	}

}
