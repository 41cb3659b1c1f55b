package org.civiquiz.platform;

import org.civiquiz.platform.redis.RedisOutageProperties;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.event.ContextStoppedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;

/**
 * Every call the app makes to Redis on behalf of a request or an accepted submission goes
 * through here: it gets a deadline ({@code civiquiz.redis.deadline}) and a circuit
 * breaker (Resilience4j). When most recent calls failed, the breaker opens and calls fail
 * at once, without touching Redis, for {@code civiquiz.redis.open-for}; then one call
 * goes through as a probe, and its success closes the breaker again. So while Redis is
 * away, reads answer 503 at once, rate limits and the live boards' updates are skipped at
 * once (the reconciler repairs the boards later), and nobody waits for a Redis that is
 * not there.
 * <p>
 * Failures come out as Spring's {@link QueryTimeoutException} (the deadline passed) and
 * {@link DataAccessResourceFailureException} (the breaker is open, or the connection
 * broke under a command), which {@link StoreUnavailable} knows. The breaker's state is
 * published as {@code resilience4j_circuitbreaker_state{name="redis"}}.
 * <p>
 * It also chooses the thread a call is made from. Spring Data Redis opens its shared
 * connection on first use and waits for it there (and, while Redis has been unreachable
 * since start-up, tries again on every use, for up to the connect timeout): until a call
 * has been answered, calls are made from {@code boundedElastic}, never from an event
 * loop. Once one has, the connection stays open for as long as the app runs (Lettuce
 * reconnects it by itself), and a call is made from the thread that makes it: a hop to
 * {@code boundedElastic} per call cost each start and submission 7–12 % of their CPU
 * (docs/performance.md). Replies come back on Lettuce's computation threads, never on its
 * I/O thread ({@code RedisClientConfiguration}), so a call made from a reply's
 * continuation is not written from the I/O thread either.
 */
@Component
public class RedisGuard {

	/** The breaker's name in the metrics. */
	public static final String NAME = "redis";

	private static final Log logger = LogFactory.getLog(RedisGuard.class);

	private final CircuitBreaker breaker;

	private final RedisOutageProperties properties;

	/** Whether Redis has answered a call since the app (re)started. */
	private volatile boolean answered;

	RedisGuard(RedisOutageProperties properties, MeterRegistry meters) {
		this.properties = properties;
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			// the last 20 calls, of which at least 5, half of them failed: open
			.slidingWindow(20, 5, SlidingWindowType.COUNT_BASED, SlidingWindowSynchronizationStrategy.LOCK_FREE)
			.failureRateThreshold(50)
			.waitDurationInOpenState(properties.openFor())
			// no timer: the first call after openFor is the probe
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.permittedNumberOfCallsInHalfOpenState(2)
			// what a store's failure is; anything else (a contest not found) means
			// Redis answered
			.recordException(StoreUnavailable::causedBy)
			.build();
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
		this.breaker = registry.circuitBreaker(NAME);
		this.breaker.getEventPublisher()
			.onStateTransition((event) -> logger.warn("Redis circuit breaker: " + event.getStateTransition()));
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
	}

	/**
	 * @param call a Redis call, not yet subscribed
	 * @param <T> what it returns
	 * @return the call, within the deadline and behind the breaker
	 */
	public <T> Mono<T> mono(Mono<T> call) {
		return mono(call, this.properties.deadline());
	}

	/**
	 * @param call a Redis call, not yet subscribed
	 * @param deadline how long it may take, for a caller with a setting of its own
	 * @param <T> what it returns
	 * @return the call, within the deadline and behind the breaker
	 */
	public <T> Mono<T> mono(Mono<T> call, Duration deadline) {
		return Mono.defer(() -> this.answered ? call : call.subscribeOn(Schedulers.boundedElastic()))
			.doOnSuccess((value) -> this.answered = true)
			.timeout(deadline)
			.onErrorMap(TimeoutException.class,
					(ex) -> new QueryTimeoutException("Redis did not answer within " + deadline.toMillis() + " ms", ex))
			// a command in flight when Redis went away fails with the socket's own error
			// ("Connection reset by peer"), which nothing translates: a store's failure
			// too, not a 500
			.onErrorMap(IOException.class,
					(ex) -> new DataAccessResourceFailureException("Redis connection lost: " + ex.getMessage(), ex))
			.transformDeferred(CircuitBreakerOperator.of(this.breaker))
			.onErrorMap(CallNotPermittedException.class, RedisGuard::open);
	}

	/**
	 * @return whether the breaker lets calls through (closed, or probing)
	 */
	public boolean isClosed() {
		return this.breaker.getState() == CircuitBreaker.State.CLOSED;
	}

	/**
	 * A stopped context resets the shared connection: calls wait for an answer again
	 * before they are made from event loops.
	 */
	@EventListener(ContextStoppedEvent.class)
	void stopped() {
		this.answered = false;
	}

	private static Throwable open(Throwable ex) {
		return new DataAccessResourceFailureException("Redis is unavailable (its circuit breaker is open)", ex);
	}

}
