package org.civiquiz.platform;

import org.civiquiz.platform.redis.RedisOutageProperties;

import java.io.IOException;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class RedisGuardTests {

	private final RedisGuard guard = new RedisGuard(
			new RedisOutageProperties(Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(1)),
			new SimpleMeterRegistry());

	@Test
	void untilRedisHasAnsweredCallsAreMadeFromThreadsThatMayWait() {
		String caller = Thread.currentThread().getName();
		StepVerifier.create(this.guard.mono(Mono.error(new IOException("Connection refused")))).expectError().verify();

		assertThat(madeFrom()).startsWith("boundedElastic");
		assertThat(madeFrom()).isEqualTo(caller);
	}

	@Test
	void aStoppedContextWaitsForAnAnswerAgain() {
		String caller = Thread.currentThread().getName();
		assertThat(madeFrom()).startsWith("boundedElastic");
		assertThat(madeFrom()).isEqualTo(caller);

		this.guard.stopped();

		assertThat(madeFrom()).startsWith("boundedElastic");
		assertThat(madeFrom()).isEqualTo(caller);
	}

	/**
	 * The thread a guarded call is made from; an answer from Redis, as far as the guard
	 * knows.
	 */
	private String madeFrom() {
		return this.guard.mono(Mono.fromCallable(() -> Thread.currentThread().getName())).block(Duration.ofSeconds(5));
	}

	@Test
	void aConnectionResetUnderACommandIsTheStoresFailure() {
		StepVerifier.create(this.guard.mono(Mono.error(new IOException("Connection reset by peer"))))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DataAccessResourceFailureException.class)
				.satisfies((failure) -> assertThat(StoreUnavailable.causedBy(failure)).isTrue()))
			.verify();
	}

	@Test
	void aCallPastTheDeadlineFailsAsATimeout() {
		StepVerifier.create(this.guard.mono(Mono.never()))
			.expectError(QueryTimeoutException.class)
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void afterEnoughFailuresTheBreakerRefusesWithoutCallingRedis() {
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(this.guard.mono(Mono.error(new IOException("refused")))).expectError().verify();
		}
		assertThat(this.guard.isClosed()).isFalse();
		StepVerifier.create(this.guard.mono(Mono.fromCallable(() -> {
			throw new AssertionError("called while the breaker is open");
		})))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DataAccessResourceFailureException.class)
				.hasMessageContaining("circuit breaker is open"))
			.verify();
	}

	@Test
	void anErrorThatIsNotTheStoresDoesNotOpenTheBreaker() {
		for (int i = 0; i < 10; i++) {
			StepVerifier.create(this.guard.mono(Mono.error(new IllegalArgumentException("not found"))))
				.expectError(IllegalArgumentException.class)
				.verify();
		}
		assertThat(this.guard.isClosed()).isTrue();
	}

}
