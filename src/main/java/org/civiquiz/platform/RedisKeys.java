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
	 * <p>
	 * On a Redis Cluster a node's {@code SCAN} sees only that node's keys: Lettuce's
	 * cluster commands, which Spring Data Redis uses there, walk every master in turn
	 * with one cursor, and split a {@code DEL} of several keys by slot. With the
	 * contest's hash tag in the pattern every match is on one node, so each batch is one
	 * single-slot {@code DEL}; the other masters are scanned and yield nothing.
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
