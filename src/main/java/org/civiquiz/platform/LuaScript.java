package org.civiquiz.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A Lua script of the app's ({@code src/main/resources/redis}), read once and sent with
 * {@code EVAL}: {@code EVALSHA}'s retry after Redis restarts can wedge Lettuce's shared
 * connection (see {@code LiveStats}). The rate limiter's token bucket, which has its own
 * client, is the one script sent by its SHA.
 */
public final class LuaScript {

	private final ByteBuffer body;

	private LuaScript(ByteBuffer body) {
		this.body = body;
	}

	/**
	 * @param path the script's classpath location, e.g. {@code redis/stats-opened.lua}
	 * @return the script
	 */
	public static LuaScript of(String path) {
		try {
			return new LuaScript(
					ByteBuffer.wrap(new ClassPathResource(path).getContentAsByteArray()).asReadOnlyBuffer());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs the script. A request's call goes through {@link RedisGuard#mono}, which also
	 * chooses the thread it is sent from.
	 * @param redis the app's Redis
	 * @param type what the script returns
	 * @param keyCount how many of {@code keysAndArgs} are keys (they come first)
	 * @param keysAndArgs the keys, then the arguments
	 * @return the script's answer
	 */
	public Mono<Object> eval(ReactiveStringRedisTemplate redis, ReturnType type, int keyCount, String... keysAndArgs) {
		ByteBuffer[] buffers = new ByteBuffer[keysAndArgs.length];
		for (int i = 0; i < keysAndArgs.length; i++) {
			buffers[i] = ByteBuffer.wrap(keysAndArgs[i].getBytes(StandardCharsets.UTF_8));
		}
		return redis
			.execute(
					(connection) -> connection.scriptingCommands().eval(this.body.duplicate(), type, keyCount, buffers))
			.next();
	}

}
