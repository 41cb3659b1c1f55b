package org.civiquiz.security;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.platform.KeyedHasher;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Rate limits held in Redis with Bucket4j, so that every replica counts against the same
 * buckets. A bucket's key is a keyed hash of what it limits (an IP address, a phone, a
 * token): Redis never holds the personal datum itself.
 * <p>
 * Exams do not depend on Redis, so neither do the limits: when Redis does not answer
 * within {@code civiquiz.rate-limits.timeout}, the request is let through and counted in
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

	private final RedisClient client;

	private final Mono<AsyncProxyManager<byte[]>> buckets;

	private final Counter unchecked;

	private final MeterRegistry meters;

	RateLimiter(RateLimitProperties properties, SecurityProperties security, KeyedHasher hasher,
			LettuceConnectionFactory redis, MeterRegistry meters) {
		this.properties = properties;
		this.trustedProxies = security.trustedProxies();
		this.hasher = hasher;
		this.meters = meters;
		this.unchecked = meters.counter(UNCHECKED);
		RedisStandaloneConfiguration standalone = redis.getStandaloneConfiguration();
		RedisURI.Builder uri = RedisURI.builder()
			.withHost(standalone.getHostName())
			.withPort(standalone.getPort())
			.withDatabase(standalone.getDatabase())
			.withSsl(redis.isUseSsl())
			.withTimeout(properties.timeout());
		standalone.getPassword()
			.toOptional()
			.ifPresent((password) -> uri.withAuthentication(standalone.getUsername(), password));
		this.client = RedisClient.create(redis.getClientResources(), uri.build());
		// one connection, made on first use and kept (Lettuce reconnects it); a failed
		// connect is tried again by the next request
		this.buckets = Mono
			.defer(() -> Mono.fromCompletionStage(this.client.connectAsync(ByteArrayCodec.INSTANCE, uri.build())))
			.map((connection) -> Bucket4jLettuce.casBasedBuilder(connection)
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
				.build()
				.asAsync())
			.cacheInvalidateIf((manager) -> false);
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
	 * through, and a success gives it back).
	 */
	Mono<Void> refund(Limit limit, String subject) {
		return call(limit, subject, (bucket) -> bucket.addTokens(1)).then();
	}

	private <T> Mono<T> call(Limit limit, String subject, Function<AsyncBucketProxy, CompletableFuture<T>> operation) {
		if (!this.properties.enabled() || subject == null) {
			return Mono.empty();
		}
		RateLimitProperties.Rule rule = limit.rule(this.properties);
		byte[] key = key(limit, rule, subject);
		return this.buckets
			.flatMap((manager) -> Mono.fromCompletionStage(() -> operation
				.apply(manager.builder().build(key, () -> CompletableFuture.completedFuture(configuration(rule))))))
			.timeout(this.properties.timeout())
			.onErrorResume((ex) -> {
				this.unchecked.increment();
				if (logger.isDebugEnabled()) {
					logger.debug("Rate limit " + limit + " not checked: " + ex);
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
		START_PER_IP("start-ip", RateLimitProperties::startPerIp),

		/** Attempts started with one phone number. */
		START_PER_PHONE("start-phone", RateLimitProperties::startPerPhone),

		/** Submissions with one attempt token. */
		SUBMIT_PER_TOKEN("submit-token", RateLimitProperties::submitPerToken),

		/** Failed staff logins from one IP address. */
		LOGIN_FAILURES_PER_IP("login-ip", RateLimitProperties::loginFailuresPerIp);

		private final String key;

		private final Function<RateLimitProperties, RateLimitProperties.Rule> rule;

		Limit(String key, Function<RateLimitProperties, RateLimitProperties.Rule> rule) {
			this.key = key;
			this.rule = rule;
		}

		RateLimitProperties.Rule rule(RateLimitProperties properties) {
			return this.rule.apply(properties);
		}

	}

}
