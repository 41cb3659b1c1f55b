package org.civiquiz.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.civiquiz.IntegrationTest;
import org.civiquiz.platform.KeyedHasher;
import org.civiquiz.platform.MovableClock;
import org.civiquiz.platform.Outages;
import org.civiquiz.platform.RedisGuard;
import org.civiquiz.platform.embedded.EmbeddedServers;
import org.civiquiz.security.RateLimiter.Charge;
import org.civiquiz.security.RateLimiter.Limit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token bucket script on the real Redis, driven through {@link RateLimiter}s built
 * here with their own rules (on the app's buckets, Redis guard and meters) and a clock
 * that moves only when told, so that waits are exact to the millisecond. Each test is its
 * own subjects; the shared app context is the default one.
 */
@IntegrationTest
class TokenBucketIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final MovableClock clock = MovableClock.stopped();

	@Autowired
	private TokenBuckets buckets;

	@Autowired
	private RedisGuard guard;

	@Autowired
	private KeyedHasher hasher;

	@Autowired
	private SecurityProperties security;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Test
	void aBucketHoldsItsCapacityThenRefusesForTheTimeOneTokenTakes() {
		RateLimiter limiter = limiter(3, Duration.ofSeconds(30));
		Charge token = token();
		for (int i = 0; i < 3; i++) {
			allowed(limiter, token);
		}
		// one token every 10 s
		assertThat(refused(limiter, token)).isEqualTo(10);
		this.clock.advance(Duration.ofMillis(9_999));
		assertThat(refused(limiter, token)).isEqualTo(1);
		this.clock.advance(Duration.ofMillis(1));
		allowed(limiter, token);
		assertThat(refused(limiter, token)).isEqualTo(10);
	}

	@Test
	void halfAPeriodRefillsHalfTheBucket() {
		RateLimiter limiter = limiter(10, Duration.ofSeconds(20));
		Charge token = token();
		for (int i = 0; i < 10; i++) {
			allowed(limiter, token);
		}
		refused(limiter, token);
		this.clock.advance(Duration.ofSeconds(10));
		for (int i = 0; i < 5; i++) {
			allowed(limiter, token);
		}
		assertThat(refused(limiter, token)).isEqualTo(2);
		// half a token's time: half a token, not one
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(refused(limiter, token)).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		allowed(limiter, token);
	}

	@Test
	void refundsNeverFillABucketAboveItsCapacity() {
		RateLimiter limiter = limiter(3, Duration.ofSeconds(30));
		Charge token = token();
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(limiter.refund(token)).expectComplete().verify(TIMEOUT);
		}
		// a full bucket is no key at all
		assertThat(exists(limiter, token)).isFalse();
		allowed(limiter, token);
		assertThat(exists(limiter, token)).isTrue();
		for (int i = 0; i < 3; i++) {
			StepVerifier.create(limiter.refund(token)).expectComplete().verify(TIMEOUT);
		}
		assertThat(exists(limiter, token)).isFalse();
		for (int i = 0; i < 3; i++) {
			allowed(limiter, token);
		}
		refused(limiter, token);
		// a refund after a refusal gives back one token, not more
		StepVerifier.create(limiter.refund(token)).expectComplete().verify(TIMEOUT);
		allowed(limiter, token);
		refused(limiter, token);
	}

	@Test
	void aClockGoingBackMintsNoTokens() {
		RateLimiter limiter = limiter(2, Duration.ofSeconds(20));
		Charge token = token();
		allowed(limiter, token);
		allowed(limiter, token);
		this.clock.advance(Duration.ofSeconds(10));
		allowed(limiter, token);
		assertThat(refused(limiter, token)).isEqualTo(10);

		// back where the bucket was emptied first: the next token is still 20 s away
		this.clock.advance(Duration.ofSeconds(-10));
		assertThat(refused(limiter, token)).isEqualTo(20);
		this.clock.advance(Duration.ofHours(-1));
		assertThat(refused(limiter, token)).isEqualTo(3_620);
		// and forward again: the time already refilled for counts once
		this.clock.advance(Duration.ofHours(1).plusSeconds(10));
		assertThat(refused(limiter, token)).isEqualTo(10);
		this.clock.advance(Duration.ofSeconds(10));
		allowed(limiter, token);
		refused(limiter, token);
	}

	@Test
	void aChangedRuleStartsANewBucket() {
		Charge token = token();
		RateLimiter before = limiter(2, Duration.ofSeconds(20));
		allowed(before, token);
		allowed(before, token);
		refused(before, token);

		RateLimiter moreCapacity = limiter(3, Duration.ofSeconds(20));
		for (int i = 0; i < 3; i++) {
			allowed(moreCapacity, token);
		}
		refused(moreCapacity, token);
		RateLimiter longerPeriod = limiter(2, Duration.ofMillis(20_500));
		allowed(longerPeriod, token);
		allowed(longerPeriod, token);
		refused(longerPeriod, token);

		// the old bucket is still there, as it was
		assertThat(refused(before, token)).isEqualTo(10);
	}

	@Test
	void twoHundredChecksAtOnceOnACapacityOfTwentyLetExactlyTwentyThrough() {
		RateLimiter limiter = limiter(20, Duration.ofHours(1));
		Charge token = token();
		double refusedBefore = refusedCount("submit-token");
		double uncheckedBefore = this.meters.counter(RateLimiter.UNCHECKED).count();
		List<Boolean> answers = Flux.range(0, 200)
			.flatMap((i) -> limiter.check(token)
				.thenReturn(true)
				.onErrorResume(RateLimitedException.class, (ex) -> Mono.just(false)), 200)
			.collectList()
			.block(TIMEOUT);
		assertThat(answers).hasSize(200);
		assertThat(answers.stream().filter(Boolean::booleanValue).count()).isEqualTo(20);
		assertThat(this.meters.counter(RateLimiter.UNCHECKED).count()).isEqualTo(uncheckedBefore);
		assertThat(refusedCount("submit-token") - refusedBefore).isEqualTo(180);
	}

	@Test
	void aBucketsKeyLivesUntilTheBucketWouldBeFullAgain() {
		RateLimiter limiter = limiter(4, Duration.ofSeconds(20));
		Charge token = token();
		allowed(limiter, token);
		// one token's time: 5 s
		assertThat(pttl(limiter, token)).isPositive().isLessThanOrEqualTo(5_000);
		for (int i = 0; i < 3; i++) {
			allowed(limiter, token);
		}
		assertThat(pttl(limiter, token)).isGreaterThan(15_000).isLessThanOrEqualTo(20_000);
		this.clock.advance(Duration.ofSeconds(20));
		allowed(limiter, token);
		assertThat(pttl(limiter, token)).isPositive().isLessThanOrEqualTo(5_000);
		StepVerifier.create(limiter.refund(token)).expectComplete().verify(TIMEOUT);
		assertThat(exists(limiter, token)).isFalse();
	}

	@Test
	void theLimitsOfOneRequestAreCheckedTogetherAndARefusalCostsTheOthersNothing() {
		// an address's starts refill in 10 s each, a phone's in an hour
		RateLimiter limiter = limiter(new RateLimitProperties.Rule(2, Duration.ofSeconds(20)),
				new RateLimitProperties.Rule(1, Duration.ofHours(1)), Duration.ofSeconds(5));
		Charge address = new Charge(Limit.START_PER_IP, "2001:db8:" + Integer.toHexString(random()) + "::1");
		Charge phone = new Charge(Limit.START_PER_PHONE, "+849" + random());
		allowed(limiter, address, phone);
		double addressRefused = refusedCount("start-ip");
		double phoneRefused = refusedCount("start-phone");

		// the phone refuses: the start the address gave is given back
		assertThat(refused(limiter, address, phone)).isEqualTo(3_600);
		allowed(limiter, address);
		assertThat(refused(limiter, address)).isEqualTo(10);

		// both refuse: the longer wait is the answer, whichever comes first
		assertThat(refused(limiter, address, phone)).isEqualTo(3_600);
		assertThat(refused(limiter, phone, address)).isEqualTo(3_600);
		assertThat(refusedCount("start-ip") - addressRefused).isEqualTo(3);
		assertThat(refusedCount("start-phone") - phoneRefused).isEqualTo(3);

		// nothing to charge the phone with: the address alone
		this.clock.advance(Duration.ofSeconds(20));
		allowed(limiter, address, new Charge(Limit.START_PER_PHONE, null));
		allowed(limiter, address);
		refused(limiter, address);
	}

	@Test
	void aRedisThatForgotTheScriptIsSentItAgain() {
		RateLimiter limiter = limiter(2, Duration.ofSeconds(20));
		Charge token = token();
		allowed(limiter, token);
		this.redis.execute((connection) -> connection.scriptingCommands().scriptFlush()).blockLast(TIMEOUT);
		allowed(limiter, token);
		refused(limiter, token);
		List<Boolean> known = this.redis
			.execute((connection) -> connection.scriptingCommands().scriptExists(List.of(scriptSha1())))
			.collectList()
			.block(TIMEOUT);
		assertThat(known).containsExactly(true);
	}

	@Test
	void whileRedisIsAwayRequestsGoOnAndAreCountedThenAreCheckedAgain() throws InterruptedException {
		// the app's own timeout
		RateLimitProperties.Rule one = new RateLimitProperties.Rule(1, Duration.ofHours(1));
		RateLimiter limiter = limiter(one, one, Duration.ofMillis(500));
		EmbeddedServers.stopRedis();
		try {
			for (int i = 0; i < 5; i++) {
				double unchecked = this.meters.counter(RateLimiter.UNCHECKED).count();
				long started = System.nanoTime();
				// a bucket of one, three times: none of them is checked
				Charge token = token();
				allowed(limiter, token, new Charge(Limit.START_PER_PHONE, "+849" + random()));
				allowed(limiter, token);
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Outages.QUICK);
				assertThat(this.meters.counter(RateLimiter.UNCHECKED).count() - unchecked).isEqualTo(3);
			}
		}
		finally {
			EmbeddedServers.restartRedis();
		}
		// checked again once Lettuce is back and the breaker lets calls through
		assertThat(checkedAgainWithin(limiter, Duration.ofSeconds(15))).as("checked again within 15 s").isTrue();
	}

	/**
	 * Each test starts with Redis answering the limits: a test that stopped Redis may
	 * have left the app's breaker open, and every check would go through unchecked.
	 */
	@BeforeEach
	void limitsAreChecked() throws InterruptedException {
		RateLimitProperties.Rule one = new RateLimitProperties.Rule(1, Duration.ofHours(1));
		assertThat(checkedAgainWithin(limiter(one, one, Duration.ofSeconds(5)), Duration.ofSeconds(30)))
			.as("Redis checks the limits")
			.isTrue();
	}

	/**
	 * Whether, within the time given, a bucket of one was taken and then refused, both
	 * checked by Redis: the breaker, half open, may let one call through and open again
	 * on another's failure, so one checked call alone proves nothing.
	 */
	private boolean checkedAgainWithin(RateLimiter limiter, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			double unchecked = this.meters.counter(RateLimiter.UNCHECKED).count();
			Charge token = token();
			boolean taken = limiter.check(token).thenReturn(true).onErrorReturn(false).block(TIMEOUT);
			boolean refused = limiter.check(token)
				.thenReturn(false)
				.onErrorReturn(RateLimitedException.class, true)
				.block(TIMEOUT);
			if (taken && refused && this.meters.counter(RateLimiter.UNCHECKED).count() == unchecked) {
				return true;
			}
			Thread.sleep(200);
		}
		return false;
	}

	/** The same rule for every limit, a timeout a loaded machine meets. */
	private RateLimiter limiter(long capacity, Duration period) {
		RateLimitProperties.Rule rule = new RateLimitProperties.Rule(capacity, period);
		return limiter(rule, rule, Duration.ofSeconds(5));
	}

	/** One rule for a start's phone, another for every other limit. */
	private RateLimiter limiter(RateLimitProperties.Rule rule, RateLimitProperties.Rule perPhone, Duration timeout) {
		RateLimitProperties properties = new RateLimitProperties(true, timeout, rule, perPhone, rule, rule, rule, rule,
				rule, rule, rule);
		return new RateLimiter(properties, this.security, this.hasher, this.buckets, this.guard, this.meters,
				this.clock);
	}

	private static Charge token() {
		return new Charge(Limit.SUBMIT_PER_TOKEN, UUID.randomUUID().toString());
	}

	private static int random() {
		return ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
	}

	private static void allowed(RateLimiter limiter, Charge... charges) {
		StepVerifier.create(limiter.check(charges)).expectComplete().verify(TIMEOUT);
	}

	/**
	 * @return the seconds to wait
	 */
	private static long refused(RateLimiter limiter, Charge... charges) {
		AtomicLong seconds = new AtomicLong();
		StepVerifier.create(limiter.check(charges)).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(RateLimitedException.class);
			seconds.set(((RateLimitedException) ex).retryAfterSeconds());
		}).verify(TIMEOUT);
		return seconds.get();
	}

	private double refusedCount(String limit) {
		return this.meters.counter(RateLimiter.REFUSED, "limit", limit).count();
	}

	private boolean exists(RateLimiter limiter, Charge charge) {
		return this.redis.hasKey(limiter.key(charge)).block(TIMEOUT);
	}

	private long pttl(RateLimiter limiter, Charge charge) {
		ByteBuffer key = ByteBuffer.wrap(limiter.key(charge).getBytes(StandardCharsets.US_ASCII));
		return this.redis.execute((connection) -> connection.keyCommands().pTtl(key)).blockFirst(TIMEOUT);
	}

	private static String scriptSha1() {
		try {
			byte[] script = new ClassPathResource("redis/rate-limit-bucket.lua").getContentAsByteArray();
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script));
		}
		catch (IOException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
