package org.civiquiz.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.ReactiveScriptingCommands;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The rate limits' token buckets in Redis, one Lua script
 * ({@code redis/rate-limit-bucket.lua}) per take or refund: one round trip. The script
 * goes by its SHA-1 ({@code EVALSHA}); a Redis that does not know it (restarted, failed
 * over, a new cluster node) answers {@code NOSCRIPT}, and the script itself is sent once
 * ({@code EVAL}), which loads it there for the next calls.
 * <p>
 * Not through {@code ReactiveRedisTemplate#execute(RedisScript, …)}, which does the same:
 * it sends that {@code EVAL} from the error's own callback, on Lettuce's I/O thread, and
 * a command written from there is what can wedge Lettuce's connection lock (lettuce
 * issues 2905, 3880; {@code LiveStats} and {@code docs/redis-outages.md}); here it is
 * sent from another thread. Through the app's shared connection, which routes each bucket
 * by its key on a Redis Cluster.
 */
@Component
class TokenBuckets {

	/** Read once at start-up: read lazily, it would be read on a request thread. */
	private static final byte[] SCRIPT = script("redis/rate-limit-bucket.lua");

	private static final String SHA1 = sha1(SCRIPT);

	private static final Taken TAKEN = new Taken(true, 0);

	private final ReactiveStringRedisTemplate redis;

	TokenBuckets(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Takes tokens from a bucket, or gives them back.
	 * @param key the bucket's key
	 * @param rule its capacity and refill period
	 * @param now the app's time, in ms since the epoch
	 * @param tokens how many to take: 1, or -1 to give one back
	 * @return whether they were taken (a refund always is), else how long until they are
	 * there
	 */
	Mono<Taken> take(String key, RateLimitProperties.Rule rule, long now, int tokens) {
		String[] keyAndArgs = { key, Long.toString(rule.capacity()), Long.toString(rule.period().toMillis()),
				Long.toString(now), Integer.toString(tokens) };
		return this.redis.execute((connection) -> {
			ReactiveScriptingCommands scripts = connection.scriptingCommands();
			return scripts.evalSha(SHA1, ReturnType.MULTI, 1, buffers(keyAndArgs))
				.onErrorResume(TokenBuckets::noScript,
						(ex) -> Flux.defer(
								() -> scripts.eval(ByteBuffer.wrap(SCRIPT), ReturnType.MULTI, 1, buffers(keyAndArgs)))
							// not from the I/O thread that delivered the error
							.subscribeOn(Schedulers.boundedElastic()));
		}).next().map(TokenBuckets::taken);
	}

	private static Taken taken(Object reply) {
		List<?> values = (List<?>) reply;
		if (((Number) values.get(0)).longValue() == 1) {
			return TAKEN;
		}
		return new Taken(false, ((Number) values.get(1)).longValue());
	}

	/** Redis does not know the script (yet): {@code NOSCRIPT No matching script}. */
	private static boolean noScript(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains("NOSCRIPT")) {
				return true;
			}
		}
		return false;
	}

	private static ByteBuffer[] buffers(String[] values) {
		ByteBuffer[] buffers = new ByteBuffer[values.length];
		for (int i = 0; i < values.length; i++) {
			buffers[i] = ByteBuffer.wrap(values[i].getBytes(StandardCharsets.US_ASCII));
		}
		return buffers;
	}

	private static byte[] script(String path) {
		try {
			return new ClassPathResource(path).getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha1(byte[] script) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is not available", ex);
		}
	}

	/**
	 * What a bucket answered.
	 *
	 * @param consumed whether the tokens were taken
	 * @param waitMillis when not, how long until they are there
	 */
	record Taken(boolean consumed, long waitMillis) {
	}

}
