package org.civiquiz.leaderboard;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * The public boards' pages as this replica last read them, each for
 * {@code civiquiz.leaderboard.page-cache-ttl}: every entrant reads a board after each
 * attempt and visitors every few seconds, and a board a second old tells them as much.
 * Requests for a page while it is being read share that read. A failed read is not kept:
 * the next request tries again. At most {@code page-cache-size} pages are kept; past
 * that, the expired ones go, then any, so that a burst of distinct pages costs reads, not
 * memory.
 */
final class PageCache {

	private final long ttlNanos;

	private final int maxSize;

	private final LongSupplier nanoTime;

	private final Map<Key, Cached> pages = new ConcurrentHashMap<>();

	private final AtomicBoolean pruning = new AtomicBoolean();

	PageCache(Duration ttl, int maxSize) {
		this(ttl, maxSize, System::nanoTime);
	}

	PageCache(Duration ttl, int maxSize, LongSupplier nanoTime) {
		this.ttlNanos = Math.max(0, ttl.toNanos());
		this.maxSize = Math.max(1, maxSize);
		this.nanoTime = nanoTime;
	}

	/**
	 * A page, as kept or freshly read.
	 * @param key which page
	 * @param read reads it (not yet subscribed)
	 * @return the page
	 */
	Mono<LeaderboardPage> get(Key key, Supplier<Mono<LeaderboardPage>> read) {
		if (this.ttlNanos == 0) {
			return read.get();
		}
		return Mono.defer(() -> {
			long now = this.nanoTime.getAsLong();
			Cached cached = this.pages.get(key);
			if (cached == null || !cached.isFreshAt(now)) {
				// one read per page and period, however many ask for it at once
				cached = this.pages.compute(key, (k, old) -> (old != null && old.isFreshAt(now)) ? old
						: new Cached(shared(read.get()), now + this.ttlNanos));
				if (this.pages.size() > this.maxSize) {
					prune(now);
				}
			}
			return cached.page();
		});
	}

	int size() {
		return this.pages.size();
	}

	/**
	 * The read, shared by whoever asks while it runs and kept for as long as its entry:
	 * an error is not kept, the next subscriber reads again.
	 */
	private static Mono<LeaderboardPage> shared(Mono<LeaderboardPage> read) {
		return read.cacheInvalidateIf((page) -> false);
	}

	/**
	 * Drops the expired pages and, if that is not enough, any, down to three quarters of
	 * the size: the next pages read find room without pruning again at once.
	 */
	private void prune(long now) {
		if (!this.pruning.compareAndSet(false, true)) {
			return;
		}
		try {
			this.pages.values().removeIf((cached) -> !cached.isFreshAt(now));
			Iterator<Cached> kept = this.pages.values().iterator();
			while (this.pages.size() > this.maxSize * 3 / 4 && kept.hasNext()) {
				kept.next();
				kept.remove();
			}
		}
		finally {
			this.pruning.set(false);
		}
	}

	/**
	 * Which page: the request's, as the controller checked it.
	 *
	 * @param contest the contest's slug
	 * @param round the round, or {@code null} for the whole contest
	 * @param unit a unit code, or {@code null}
	 * @param district a district, or {@code null}
	 * @param limit how many entries
	 * @param open whether the board's round is open (its people by entry, not score)
	 */
	record Key(String contest, Integer round, String unit, String district, int limit, boolean open) {
	}

	private record Cached(Mono<LeaderboardPage> page, long expiresAt) {

		boolean isFreshAt(long now) {
			return now - this.expiresAt < 0;
		}

	}

}
