package org.civiquiz.security;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.NetUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.platform.KeyedHasher;
import org.civiquiz.platform.RedisGuard;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Rate limits held in Redis with Bucket4j, so that every replica counts against the same
 * buckets. A bucket's key is a keyed hash of what it limits (an IP address, a phone, a
 * token): Redis never holds the personal datum itself. On a Redis Cluster (when
 * {@code spring.data.redis.cluster.nodes} is set) the limiter talks to the cluster, and
 * the buckets, having no hash tag, spread over its shards by their hashes.
 * <p>
 * Exams do not depend on Redis, so neither do the limits: when Redis does not answer
 * within {@code civiquiz.rate-limits.timeout}, or at once while the Redis circuit breaker
 * ({@link RedisGuard}) is open, the request is let through and counted in
 * {@value #UNCHECKED}.
 */
@Component
public class RateLimiter implements DisposableBean {

	/** Requests let through unchecked because Redis did not answer. */
	public static final String UNCHECKED = "civiquiz.rate.limits.unchecked";

	private static final Log logger = LogFactory.getLog(RateLimiter.class);

	private final RateLimitProperties properties;

	private final int trustedProxies;

	private final KeyedHasher hasher;

	private final AbstractRedisClient client;

	private final Mono<AsyncProxyManager<byte[]>> buckets;

	private final Counter unchecked;

	private final MeterRegistry meters;

	private final RedisGuard guard;

	RateLimiter(RateLimitProperties properties, SecurityProperties security, KeyedHasher hasher,
			LettuceConnectionFactory redis, RedisGuard guard, MeterRegistry meters, Clock clock) {
		this.properties = properties;
		this.guard = guard;
		this.trustedProxies = security.trustedProxies();
		this.hasher = hasher;
		this.meters = meters;
		this.unchecked = meters.counter(UNCHECKED);
		Supplier<CompletionStage<Bucket4jLettuce.LettuceBasedProxyManagerBuilder<byte[]>>> connect;
		if (redis.isClusterAware()) {
			RedisClusterClient cluster = clusterClient(redis, properties.timeout());
			this.client = cluster;
			// connectAsync needs the cluster's topology: read it first, without blocking
			connect = () -> cluster.refreshPartitionsAsync()
				.thenCompose((topology) -> cluster.connectAsync(ByteArrayCodec.INSTANCE))
				.thenApply(Bucket4jLettuce::casBasedBuilder);
		}
		else {
			RedisURI uri = standaloneUri(redis, properties.timeout());
			RedisClient standalone = RedisClient.create(redis.getClientResources(), uri);
			// Spring Data Redis's options (command timeouts, commands refused while
			// disconnected): without them, checks made during an outage waited in an
			// unbounded buffer, to be replayed all at once on reconnection
			redis.getClientConfiguration().getClientOptions().ifPresent(standalone::setOptions);
			this.client = standalone;
			connect = () -> standalone.connectAsync(ByteArrayCodec.INSTANCE, uri)
				.thenApply(Bucket4jLettuce::casBasedBuilder);
		}
		// one connection, made on first use and kept (Lettuce reconnects it); a failed
		// connect is tried again by the next request
		this.buckets = Mono.defer(() -> Mono.fromCompletionStage(connect.get()))
			.map((builder) -> builder
				// buckets refill by the app's clock (tests move it instead of waiting)
				.clientClock(timeMeter(clock))
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
				.build()
				.asAsync())
			.cacheInvalidateIf((manager) -> false);
	}

	private static TimeMeter timeMeter(Clock clock) {
		return new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				Instant now = clock.instant();
				return now.getEpochSecond() * 1_000_000_000L + now.getNano();
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
	}

	private static RedisURI standaloneUri(LettuceConnectionFactory redis, Duration timeout) {
		RedisStandaloneConfiguration standalone = redis.getStandaloneConfiguration();
		RedisURI.Builder uri = RedisURI.builder()
			.withHost(standalone.getHostName())
			.withPort(standalone.getPort())
			.withDatabase(standalone.getDatabase())
			.withSsl(redis.isUseSsl())
			.withTimeout(timeout);
		standalone.getPassword()
			.toOptional()
			.ifPresent((password) -> uri.withAuthentication(standalone.getUsername(), password));
		return uri.build();
	}

	/**
	 * A client of the same Redis Cluster as Spring Data Redis's, with the same options
	 * (topology refresh from {@code spring.data.redis.lettuce.cluster.refresh}, so that a
	 * failover is followed). A bucket is one key: the cluster routes it by its slot.
	 */
	private static RedisClusterClient clusterClient(LettuceConnectionFactory redis, Duration timeout) {
		RedisClusterConfiguration configuration = redis.getClusterConfiguration();
		List<RedisURI> seeds = new ArrayList<>();
		for (RedisNode node : configuration.getClusterNodes()) {
			RedisURI.Builder uri = RedisURI.builder()
				.withHost(node.getHost())
				.withPort(node.getPort())
				.withSsl(redis.isUseSsl())
				.withTimeout(timeout);
			configuration.getPassword()
				.toOptional()
				.ifPresent((password) -> uri.withAuthentication(configuration.getUsername(), password));
			seeds.add(uri.build());
		}
		RedisClusterClient client = RedisClusterClient.create(redis.getClientResources(), seeds);
		client.setOptions(redis.getClientConfiguration()
			.getClientOptions()
			.filter(ClusterClientOptions.class::isInstance)
			.map(ClusterClientOptions.class::cast)
			.orElseGet(ClusterClientOptions::create));
		return client;
	}

	/**
	 * Takes one request from a bucket.
	 * @param limit which limit
	 * @param subject what it limits (IP address, phone, token, user name)
	 * @return empty when allowed, else an error {@code RATE_LIMITED} (429) with the
	 * seconds to wait
	 */
	public Mono<Void> check(Limit limit, String subject) {
		return call(limit, subject, (bucket) -> bucket.tryConsumeAndReturnRemaining(1))
			.flatMap((probe) -> probe.isConsumed() ? Mono.<Void>empty()
					: Mono.error(RateLimitedException.of(probe.getNanosToWaitForRefill())))
			.doOnError(RateLimitedException.class,
					(ex) -> this.meters.counter("civiquiz.rate.limits.refused", "limit", limit.key).increment());
	}

	/**
	 * Gives back what {@link #check} took: for limits that count failures only (a login
	 * takes a token before the password is checked, so that parallel tries cannot all get
	 * through, and a success gives it back), and for a request a store's outage failed
	 * (its retries are not the person's fault).
	 */
	public Mono<Void> refund(Limit limit, String subject) {
		return call(limit, subject, (bucket) -> bucket.addTokens(1)).then();
	}

	private <T> Mono<T> call(Limit limit, String subject, Function<AsyncBucketProxy, CompletableFuture<T>> operation) {
		if (!this.properties.enabled() || subject == null) {
			return Mono.empty();
		}
		RateLimitProperties.Rule rule = limit.rule(this.properties);
		byte[] key = key(limit, rule, limit.perAddress ? addressGroup(subject) : subject);
		Mono<T> checked = this.buckets.flatMap((manager) -> Mono.fromCompletionStage(() -> operation
			.apply(manager.builder().build(key, () -> CompletableFuture.completedFuture(configuration(rule))))));
		// while Redis is away the breaker is open and the request goes on at once
		return this.guard.mono(checked, this.properties.timeout()).onErrorResume((ex) -> {
			this.unchecked.increment();
			if (logger.isDebugEnabled()) {
				logger.debug("Rate limit " + limit + " not checked: " + ex, ex);
			}
			return Mono.empty();
		});
	}

	private static BucketConfiguration configuration(RateLimitProperties.Rule rule) {
		return BucketConfiguration.builder()
			.addLimit(
					Bandwidth.builder().capacity(rule.capacity()).refillGreedy(rule.capacity(), rule.period()).build())
			.build();
	}

	/**
	 * A bucket's key: the limit, its rule (so that a changed setting starts fresh buckets
	 * instead of meeting the old ones) and a keyed hash of the subject.
	 */
	private byte[] key(Limit limit, RateLimitProperties.Rule rule, String subject) {
		byte[] hash = this.hasher.hash("rate-limit", subject);
		return ("civiquiz:rate:" + limit.key + ":" + rule.capacity() + "/" + rule.period().toSeconds() + ":"
				+ HexFormat.of().formatHex(hash, 0, 16))
			.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * What a per-address limit counts: an IPv4 address itself, an IPv6 address's /64 (a
	 * home or a mobile phone gets a whole /64 and can pick any address in it).
	 */
	static String addressGroup(String address) {
		// a literal only, never a name to look up; anything else (what a proxy wrote)
		// is counted as written
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
		if (bytes == null || bytes.length != 16 || isIpv4Mapped(bytes)) {
			return address;
		}
		return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
	}

	/** {@code ::ffff:a.b.c.d}: an IPv4 client seen through an IPv6 socket. */
	private static boolean isIpv4Mapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
	}

	/**
	 * The client's IP address: the connection's peer, or behind
	 * {@code civiquiz.security.trusted-proxies} reverse proxies the address the outermost
	 * of them saw, read from the right of {@code X-Forwarded-For} (a client can write
	 * anything at its left, and in a {@code Forwarded} header, which is not read).
	 * @param exchange the request
	 * @return the address, or {@code null} if unknown
	 */
	public String clientAddress(ServerWebExchange exchange) {
		if (this.trustedProxies > 0) {
			List<String> forwarded = new ArrayList<>();
			for (String header : exchange.getRequest().getHeaders().getOrEmpty("X-Forwarded-For")) {
				for (String entry : header.split(",")) {
					if (!entry.isBlank()) {
						forwarded.add(entry.strip());
					}
				}
			}
			if (forwarded.size() >= this.trustedProxies) {
				return forwarded.get(forwarded.size() - this.trustedProxies);
			}
		}
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
	}

	@Override
	public void destroy() {
		this.client.shutdown();
	}

	/**
	 * The limits, each set under {@code civiquiz.rate-limits}.
	 */
	public enum Limit {

		/** Attempts started (registrations included) from one IP address. */
		START_PER_IP("start-ip", RateLimitProperties::startPerIp, true),

		/** Attempts started with one phone number. */
		START_PER_PHONE("start-phone", RateLimitProperties::startPerPhone, false),

		/** Submissions with one attempt token. */
		SUBMIT_PER_TOKEN("submit-token", RateLimitProperties::submitPerToken, false),

		/** Saves of answers with one attempt token. */
		SAVE_PER_TOKEN("save-token", RateLimitProperties::savePerToken, false),

		/** Failed staff logins from one IP address. */
		LOGIN_FAILURES_PER_IP("login-ip", RateLimitProperties::loginFailuresPerIp, true),

		/** One-time codes asked for from one IP address: each costs a message. */
		PHONE_CODE_PER_IP("phone-code-ip", RateLimitProperties::phoneCodePerIp, true),

		/** One-time codes asked for one phone number. */
		PHONE_CODE_PER_PHONE("phone-code-phone", RateLimitProperties::phoneCodePerPhone, false),

		/** Certificates downloaded from one IP address: each draws a PDF. */
		CERTIFICATE_PER_IP("certificate-ip", RateLimitProperties::certificatePerIp, true),

		/** Certificate codes verified from one IP address. */
		VERIFY_PER_IP("verify-ip", RateLimitProperties::verifyPerIp, true);

		private final String key;

		private final Function<RateLimitProperties, RateLimitProperties.Rule> rule;

		/** Counted per address: an IPv6 address by its /64. */
		private final boolean perAddress;

		Limit(String key, Function<RateLimitProperties, RateLimitProperties.Rule> rule, boolean perAddress) {
			this.key = key;
			this.rule = rule;
			this.perAddress = perAddress;
		}

		RateLimitProperties.Rule rule(RateLimitProperties properties) {
			return this.rule.apply(properties);
		}

	}

}
