package org.civiquiz.exam.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.civiquiz.exam.AttemptListener;
import org.civiquiz.exam.AttemptOpened;
import org.civiquiz.exam.ExamProperties;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An announcement reaches every listener, and a listener that hangs or fails is counted
 * as a miss without holding up the others or the caller.
 */
class AttemptEventsTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final AttemptOpened event = new AttemptOpened(UUID.randomUUID(), "luat-htx-2023", 1, 7, "HTX-01", "Ba Đình",
			Instant.parse("2026-12-06T08:00:00Z"));

	@Test
	void everyListenerIsToldAndMissesAreCounted() {
		Recording first = new Recording();
		Recording last = new Recording();
		AttemptEvents events = new AttemptEvents(
				List.of(first, new Hanging(), new Failing(), last), new ExamProperties(Duration.ofSeconds(15),
						100_000_000, Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(20), 500),
				this.meters);

		StepVerifier.create(events.announce(this.event)).expectComplete().verify(Duration.ofSeconds(10));

		assertThat(first.told).containsExactly(this.event);
		assertThat(last.told).containsExactly(this.event);
		assertThat(missed("Hanging")).isEqualTo(1.0);
		assertThat(missed("Failing")).isEqualTo(1.0);
		assertThat(missed("Recording")).isZero();
	}

	private double missed(String listener) {
		return this.meters.find(AttemptEvents.MISSED_ANNOUNCEMENTS)
			.tags("listener", listener, "contest", "luat-htx-2023")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private static final class Hanging implements AttemptListener {

		@Override
		public Mono<Void> onOpened(AttemptOpened opened) {
			return Mono.never();
		}

	}

	private static final class Failing implements AttemptListener {

		@Override
		public Mono<Void> onOpened(AttemptOpened opened) {
			throw new IllegalStateException("Redis is away");
		}

	}

	private static final class Recording implements AttemptListener {

		private final List<AttemptOpened> told = new CopyOnWriteArrayList<>();

		@Override
		public Mono<Void> onOpened(AttemptOpened opened) {
			this.told.add(opened);
			return Mono.empty();
		}

	}

}
