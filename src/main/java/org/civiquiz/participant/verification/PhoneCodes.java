package org.civiquiz.participant.verification;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.civiquiz.contest.ContestSettings;
import org.civiquiz.platform.KeyedHasher;
import org.civiquiz.platform.LuaScript;
import org.civiquiz.platform.RedisGuard;
import org.civiquiz.platform.RedisKeys;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The codes sent, in Redis: one per contest and phone, kept exactly as long as it may be
 * entered. Redis holds neither the phone nor the code: the key has a keyed hash of the
 * phone, the value a keyed hash of the code (six digits hashed without a key would be
 * found by trying the million of them), with the number of tries made. A try is counted
 * before it is judged, in one step, so that guesses sent at once cannot exceed the limit.
 */
@Component
class PhoneCodes {

	/** Read once at start-up and sent with {@code EVAL}, as {@code LiveStats} does. */
	private static final LuaScript STORE = LuaScript.of("redis/phone-code-store.lua");

	private static final LuaScript TRY = LuaScript.of("redis/phone-code-try.lua");

	private final ReactiveStringRedisTemplate redis;

	private final RedisGuard guard;

	private final KeyedHasher hasher;

	PhoneCodes(ReactiveStringRedisTemplate redis, RedisGuard guard, KeyedHasher hasher) {
		this.redis = redis;
		this.guard = guard;
		this.hasher = hasher;
	}

	/**
	 * Keeps a new code for a phone, in place of any earlier one and its tries.
	 * @param contest the contest
	 * @param phone the phone, E.164
	 * @param code the code
	 * @param validity how long it may be entered
	 * @return completion
	 */
	Mono<Void> store(ContestSettings contest, String phone, String code, Duration validity) {
		return eval(STORE, ReturnType.INTEGER, key(contest, phone), hash(contest, phone, code),
				Long.toString(validity.toMillis()))
			.then();
	}

	/**
	 * One try at the phone's code. A match uses the code up.
	 * @param contest the contest
	 * @param phone the phone, E.164
	 * @param code the code entered
	 * @param maxTries the tries a code allows
	 * @return what the try found
	 */
	Mono<Try> attempt(ContestSettings contest, String phone, String code, int maxTries) {
		return eval(TRY, ReturnType.MULTI, key(contest, phone), hash(contest, phone, code), Integer.toString(maxTries))
			.map((reply) -> {
				List<?> values = (List<?>) reply;
				if (values.isEmpty()) {
					return new Try(Outcome.NONE, 0);
				}
				int tries = ((Number) values.get(0)).intValue();
				if (((Number) values.get(1)).intValue() == 1) {
					return new Try(Outcome.MATCHED, maxTries - tries);
				}
				if (tries >= maxTries) {
					return new Try(Outcome.USED_UP, 0);
				}
				return new Try(Outcome.WRONG, maxTries - tries);
			})
			.defaultIfEmpty(new Try(Outcome.NONE, 0));
	}

	/**
	 * Drops the phone's code (one the gateway never took).
	 * @param contest the contest
	 * @param phone the phone, E.164
	 * @return completion
	 */
	Mono<Void> forget(ContestSettings contest, String phone) {
		return this.guard.mono(this.redis.delete(key(contest, phone))).then();
	}

	private Mono<Object> eval(LuaScript script, ReturnType type, String key, String... args) {
		String[] keysAndArgs = new String[1 + args.length];
		keysAndArgs[0] = key;
		System.arraycopy(args, 0, keysAndArgs, 1, args.length);
		return this.guard.mono(script.eval(this.redis, type, 1, keysAndArgs));
	}

	/** One contest's codes share its hash tag, as its other keys do. */
	private String key(ContestSettings contest, String phone) {
		byte[] hash = this.hasher.hash("phone-code-key", contest.id() + ":" + phone);
		return RedisKeys.ofContest(contest.slug(), "phone-code").key(HexFormat.of().formatHex(hash, 0, 16));
	}

	private String hash(ContestSettings contest, String phone, String code) {
		return HexFormat.of().formatHex(this.hasher.hash("phone-code", contest.id() + ":" + phone + ":" + code));
	}

	/** What a try found. */
	enum Outcome {

		/** No code: none was sent, or it expired. */
		NONE,

		/** The code: it is used up now. */
		MATCHED,

		/** Not the code; tries remain. */
		WRONG,

		/** Not the code, and no tries remain (or none did): the code is burnt. */
		USED_UP

	}

	/**
	 * @param outcome what the try found
	 * @param triesLeft tries the code still allows
	 */
	record Try(Outcome outcome, int triesLeft) {
	}

}
