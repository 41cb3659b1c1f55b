package org.civiquiz.leaderboard;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class PageCacheTests {

	private static final PageCache.Key ROUND_1 = new PageCache.Key("c", 1, null, null, 20, false);

	private final AtomicLong now = new AtomicLong();

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void aPageReadIsServedAgainUntilItExpires() {
		PageCache cache = new PageCache(Duration.ofSeconds(1), 100, this.now::get);
		assertThat(cache.get(ROUND_1, this::read).block().ranked()).isEqualTo(1);
		this.now.addAndGet(Duration.ofMillis(999).toNanos());
		assertThat(cache.get(ROUND_1, this::read).block().ranked()).isEqualTo(1);
		assertThat(this.reads).hasValue(1);

		this.now.addAndGet(Duration.ofMillis(1).toNanos());
		assertThat(cache.get(ROUND_1, this::read).block().ranked()).isEqualTo(2);
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void eachPageIsKeptOnItsOwn() {
		PageCache cache = new PageCache(Duration.ofSeconds(1), 100, this.now::get);
		for (PageCache.Key key : List.of(ROUND_1, new PageCache.Key("c", 1, null, null, 20, true),
				new PageCache.Key("c", 1, null, null, 10, false), new PageCache.Key("c", 1, "U1", null, 20, false),
				new PageCache.Key("c", 1, null, "Quận Một", 20, false),
				new PageCache.Key("c", null, null, null, 20, false),
				new PageCache.Key("d", 1, null, null, 20, false))) {
			cache.get(key, this::read).block();
		}
		assertThat(this.reads).hasValue(7);
		cache.get(new PageCache.Key("c", 1, "U1", null, 20, false), this::read).block();
		assertThat(this.reads).hasValue(7);
	}

	@Test
	void requestsWhileAPageIsReadShareTheRead() {
		PageCache cache = new PageCache(Duration.ofSeconds(1), 100, this.now::get);
		Sinks.One<LeaderboardPage> redis = Sinks.one();
		Mono<LeaderboardPage> first = cache.get(ROUND_1, () -> counted(redis.asMono()));
		Mono<LeaderboardPage> second = cache.get(ROUND_1, () -> counted(redis.asMono()));
		StepVerifier.create(Mono.zip(first, second))
			.then(() -> redis.tryEmitValue(page(42)))
			.assertNext((pages) -> assertThat(pages.getT2()).isSameAs(pages.getT1()))
			.verifyComplete();
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void aFailedReadIsNotKept() {
		PageCache cache = new PageCache(Duration.ofSeconds(1), 100, this.now::get);
		AtomicInteger calls = new AtomicInteger();
		Mono<LeaderboardPage> flaky = Mono.defer(() -> (calls.incrementAndGet() == 1)
				? Mono.error(new DataAccessResourceFailureException("Redis is unavailable")) : Mono.just(page(7)));
		StepVerifier.create(cache.get(ROUND_1, () -> flaky)).verifyError(DataAccessResourceFailureException.class);
		assertThat(cache.get(ROUND_1, () -> flaky).block().ranked()).isEqualTo(7);
		assertThat(cache.get(ROUND_1, () -> flaky).block().ranked()).isEqualTo(7);
		assertThat(calls).hasValue(2);
	}

	@Test
	void aTtlOfZeroReadsEveryTime() {
		PageCache cache = new PageCache(Duration.ZERO, 100, this.now::get);
		cache.get(ROUND_1, this::read).block();
		cache.get(ROUND_1, this::read).block();
		assertThat(this.reads).hasValue(2);
		assertThat(cache.size()).isZero();
	}

	@Test
	void manyDistinctPagesStayWithinTheSize() {
		PageCache cache = new PageCache(Duration.ofSeconds(1), 100, this.now::get);
		for (int limit = 1; limit <= 1000; limit++) {
			cache.get(new PageCache.Key("c", 1, null, null, limit, false), this::read).block();
			assertThat(cache.size()).isLessThanOrEqualTo(100);
		}
	}

	@Test
	void expiredPagesMakeRoomBeforeFreshOnes() {
		PageCache cache = new PageCache(Duration.ofSeconds(1), 100, this.now::get);
		for (int limit = 1; limit <= 60; limit++) {
			cache.get(new PageCache.Key("c", 1, null, null, limit, false), this::read).block();
		}
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		for (int limit = 1; limit <= 60; limit++) {
			cache.get(new PageCache.Key("c", 2, null, null, limit, false), this::read).block();
		}
		assertThat(cache.size()).isEqualTo(60);
		for (int limit = 1; limit <= 60; limit++) {
			cache.get(new PageCache.Key("c", 2, null, null, limit, false), this::read).block();
		}
		assertThat(this.reads).hasValue(120);
	}

	private Mono<LeaderboardPage> read() {
		return Mono.fromSupplier(() -> page(this.reads.incrementAndGet()));
	}

	private Mono<LeaderboardPage> counted(Mono<LeaderboardPage> read) {
		return Mono.defer(() -> {
			this.reads.incrementAndGet();
			return read;
		});
	}

	private static LeaderboardPage page(long ranked) {
		return new LeaderboardPage(1, null, null, ranked, false, List.of());
	}

}
