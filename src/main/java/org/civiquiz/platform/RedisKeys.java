package org.civiquiz.platform;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

/**
 * Redis housekeeping shared by the read models.
 */
public final class RedisKeys {

	private RedisKeys() {
	}

	/**
	 * Deletes every key matching a pattern, walking the keyspace with {@code SCAN} (never
	 * {@code KEYS}, which would stall Redis) and deleting in batches.
	 * @param redis the template
	 * @param pattern a glob such as {@code civiquiz:{contest}:lb:*}
	 * @return when done
	 */
	public static Mono<Void> deleteMatching(ReactiveStringRedisTemplate redis, String pattern) {
		return redis.scan(ScanOptions.scanOptions().match(pattern).count(500).build())
			.buffer(500)
			.concatMap((keys) -> redis.delete(keys.toArray(String[]::new)))
			.then();
	}

}
