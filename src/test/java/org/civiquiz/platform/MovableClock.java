package org.civiquiz.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system's UTC clock, moved forward on demand: a test that must wait for a refill or
 * an expiry moves the app's clock instead of sleeping. Everything that reads the app's
 * {@link Clock} bean sees the same time.
 */
public final class MovableClock extends Clock {

	private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

	/**
	 * Moves the clock forward.
	 * @param duration by how much
	 */
	public void advance(Duration duration) {
		this.ahead.accumulateAndGet(duration, Duration::plus);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.ahead.get());
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
