package org.civiquiz.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The system's UTC clock, moved forward on demand: a test that must wait for a refill or
 * an expiry moves the app's clock instead of sleeping. Everything that reads the app's
 * {@link Clock} bean sees the same time.
 */
public final class MovableClock extends Clock {

	private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

	private final Supplier<Instant> base;

	public MovableClock() {
		this(Instant::now);
	}

	private MovableClock(Supplier<Instant> base) {
		this.base = base;
	}

	/**
	 * A clock that stands still at the time it was made, and moves (either way) only when
	 * told: for waits exact to the millisecond.
	 * @return the clock
	 */
	public static MovableClock stopped() {
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		return new MovableClock(() -> start);
	}

	/**
	 * Moves the clock forward (or, with a negative duration, back).
	 * @param duration by how much
	 */
	public void advance(Duration duration) {
		this.ahead.accumulateAndGet(duration, Duration::plus);
	}

	@Override
	public Instant instant() {
		return this.base.get().plus(this.ahead.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	/** The same moving time, seen in another zone. */
	@Override
	public Clock withZone(ZoneId zone) {
		MovableClock moving = this;
		return new Clock() {

			@Override
			public Instant instant() {
				return moving.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return moving.withZone(other);
			}

		};
	}

}
