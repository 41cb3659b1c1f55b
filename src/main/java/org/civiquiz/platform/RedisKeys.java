package org.civiquiz.platform;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

/**
 * The read models' key scheme, {@code civiquiz:{<contest>}:<read model>:<name>}, and the
 * housekeeping they share. The contest's slug is the hash tag, so that a Redis Cluster
 * keeps one contest's keys on one shard (and its Lua scripts, which touch several, work
 * there).
 */
public final class RedisKeys {

	private RedisKeys() {
	}

	/**
	 * The keys of one read model of one contest.
	 * @param contestSlug the contest
	 * @param readModel the read model's short name ({@code lb}, {@code stats})
	 * @return its keys
	 */
	public static ContestKeys ofContest(String contestSlug, String readModel) {
		return new ContestKeys("civiquiz:{" + contestSlug + "}:" + readModel + ":");
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

	/**
	 * The keys of one read model of one contest, all under one prefix.
	 *
	 * @param prefix {@code civiquiz:{<contest>}:<read model>:}
	 */
	public record ContestKeys(String prefix) {

		/**
		 * A key: the prefix, then the parts joined by {@code :}.
		 * @param parts the name's parts
		 * @return the key
		 */
		public String key(String... parts) {
			return this.prefix + String.join(":", parts);
		}

		/**
		 * A pattern matching every key of the read model.
		 * @return the pattern
		 */
		public String all() {
			return this.prefix + "*";
		}

	}

}
