package org.civiquiz.security;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.NetUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.platform.KeyedHasher;
import org.civiquiz.platform.RedisGuard;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Rate limits held in Redis, so that every replica counts against the same buckets: a
 * token bucket per limit and subject, taken from in one round trip by a Lua script
 * ({@link TokenBuckets}), with the refill Bucket4j calls greedy. A bucket's key is a
 * keyed hash of what it limits (an IP address, a phone, a token): Redis never holds the
 * personal datum itself. The limits of one request are checked at once
 * ({@link #check(Charge...)}): one round trip, not one per limit.
 * <p>
 * Exams do not depend on Redis, so neither do the limits: when Redis does not answer
 * within {@code civiquiz.rate-limits.timeout}, or at once while the Redis circuit breaker
 * ({@link RedisGuard}) is open, the request is let through and counted in
 * {@value #UNCHECKED}.
 */
@Component
public class RateLimiter {

	/** Requests let through unchecked because Redis did not answer. */
	public static final String UNCHECKED = "civiquiz.rate.limits.unchecked";

	/** Requests refused, tagged with the limit that refused them. */
	static final String REFUSED = "civiquiz.rate.limits.refused";

	private static final Log logger = LogFactory.getLog(RateLimiter.class);

	private final RateLimitProperties properties;

	private final int trustedProxies;

	private final KeyedHasher hasher;

	private final TokenBuckets buckets;

	private final RedisGuard guard;

	private final Clock clock;

	private final Counter unchecked;

	private final Map<Limit, Counter> refused = new EnumMap<>(Limit.class);

	RateLimiter(RateLimitProperties properties, SecurityProperties security, KeyedHasher hasher, TokenBuckets buckets,
			RedisGuard guard, MeterRegistry meters, Clock clock) {
		this.properties = properties;
		this.trustedProxies = security.trustedProxies();
		this.hasher = hasher;
		this.buckets = buckets;
		this.guard = guard;
		this.clock = clock;
		this.unchecked = meters.counter(UNCHECKED);
		for (Limit limit : Limit.values()) {
			this.refused.put(limit, meters.counter(REFUSED, "limit", limit.key));
		}
	}

	/**
	 * Takes one request from a bucket.
	 * @param limit which limit
	 * @param subject what it limits (IP address, phone, token, user name)
	 * @return empty when allowed, else an error {@code RATE_LIMITED} (429) with the
	 * seconds to wait
	 */
	public Mono<Void> check(Limit limit, String subject) {
		return check(new Charge(limit, subject));
	}

	/**
	 * Takes one request from each of a request's buckets, all at once: the commands go
	 * out together and the request waits one round trip, not one per limit. If any
	 * refuses, the others give back what they took (a refused request costs nothing) and
	 * the longest wait is the answer. Each bucket is its own key, and on a Redis Cluster
	 * most likely on its own shard: that is why they are separate commands sent at once,
	 * not one script over several keys, which a cluster refuses unless they share a slot.
	 * A bucket Redis does not answer for lets the request through, as
	 * {@link #check(Limit, String)} does; a charge without a subject is skipped.
	 * @param charges the limits and what they limit
	 * @return empty when all allow, else an error {@code RATE_LIMITED} (429) with the
	 * seconds to wait
	 */
	public Mono<Void> check(Charge... charges) {
		List<Charge> due = due(charges);
		if (due.isEmpty()) {
			return Mono.empty();
		}
		return Flux.fromIterable(due)
			.flatMap((charge) -> take(charge, 1).map((taken) -> new Outcome(charge, taken)))
			.collectList()
			.flatMap(this::judged);
	}

	private Mono<Void> judged(List<Outcome> outcomes) {
		long wait = -1;
		List<Charge> consumed = new ArrayList<>(outcomes.size());
		for (Outcome outcome : outcomes) {
			if (outcome.taken().consumed()) {
				consumed.add(outcome.charge());
			}
			else {
				this.refused.get(outcome.charge().limit()).increment();
				wait = Math.max(wait, outcome.taken().waitMillis());
			}
		}
		if (wait < 0) {
			return Mono.empty();
		}
		RateLimitedException refusal = RateLimitedException.ofMillis(wait);
		return consumed.isEmpty() ? Mono.error(refusal) : refund(consumed).then(Mono.error(refusal));
	}

	/**
	 * Gives back what {@link #check} took: for limits that count failures only (a login
	 * takes a token before the password is checked, so that parallel tries cannot all get
	 * through, and a success gives it back), and for a request a store's outage failed
	 * (its retries are not the person's fault).
	 */
	public Mono<Void> refund(Limit limit, String subject) {
		return refund(new Charge(limit, subject));
	}

	/**
	 * Gives back what {@link #check(Charge...)} took, all at once.
	 * @param charges the limits and what they limit
	 * @return completion
	 */
	public Mono<Void> refund(Charge... charges) {
		List<Charge> due = due(charges);
		return due.isEmpty() ? Mono.empty() : refund(due);
	}

	private Mono<Void> refund(List<Charge> charges) {
		return Flux.fromIterable(charges).flatMap((charge) -> take(charge, -1)).then();
	}

	private List<Charge> due(Charge[] charges) {
		List<Charge> due = new ArrayList<>(charges.length);
		if (this.properties.enabled()) {
			for (Charge charge : charges) {
				if (charge.subject() != null) {
					due.add(charge);
				}
			}
		}
		return due;
	}

	/**
	 * One bucket's answer; empty when Redis gave none in time (the request goes on).
	 */
	private Mono<TokenBuckets.Taken> take(Charge charge, int tokens) {
		RateLimitProperties.Rule rule = charge.limit().rule(this.properties);
		String key = key(charge);
		Mono<TokenBuckets.Taken> taken = Mono.defer(() -> this.buckets.take(key, rule, this.clock.millis(), tokens));
		// while Redis is away the breaker is open and the request goes on at once
		return this.guard.mono(taken, this.properties.timeout()).onErrorResume((ex) -> {
			this.unchecked.increment();
			if (logger.isDebugEnabled()) {
				logger.debug("Rate limit " + charge.limit() + " not checked: " + ex, ex);
			}
			return Mono.empty();
		});
	}

	/**
	 * A bucket's key: the limit, its rule (so that a changed setting starts fresh buckets
	 * instead of meeting the old ones; the period in ms, as the script counts it, which
	 * also keeps these hashes apart from the strings Bucket4j kept under
	 * {@code …:capacity/seconds:…}) and a keyed hash of the subject. No hash tag: on a
	 * Redis Cluster the buckets spread over the shards.
	 */
	String key(Charge charge) {
		Limit limit = charge.limit();
		RateLimitProperties.Rule rule = limit.rule(this.properties);
		String subject = limit.perAddress ? addressGroup(charge.subject()) : charge.subject();
		byte[] hash = this.hasher.hash("rate-limit", subject);
		return "civiquiz:rate:" + limit.key + ":" + rule.capacity() + "/" + rule.period().toMillis() + "ms:"
				+ HexFormat.of().formatHex(hash, 0, 16);
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

	/**
	 * One request charged to one limit.
	 *
	 * @param limit the limit
	 * @param subject what it limits (IP address, phone, token, user name); {@code null}:
	 * nothing to charge
	 */
	public record Charge(Limit limit, String subject) {
	}

	private record Outcome(Charge charge, TokenBuckets.Taken taken) {
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
