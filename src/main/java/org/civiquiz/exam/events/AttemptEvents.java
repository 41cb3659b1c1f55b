package org.civiquiz.exam.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Round;
import org.civiquiz.contest.Unit;
import org.civiquiz.exam.AttemptListener;
import org.civiquiz.exam.AttemptOpened;
import org.civiquiz.exam.AttemptSubmitted;
import org.civiquiz.exam.ExamProperties;
import org.civiquiz.exam.SubmissionResult;
import org.civiquiz.exam.attempt.Attempt;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The events an attempt announces ({@link AttemptOpened}, {@link AttemptSubmitted}), made
 * in one place, whether live or replayed from PostgreSQL for a rebuild, and told to every
 * {@link AttemptListener}. A listener that misses one never fails the request: the miss
 * is counted, and the reconciler repairs the read model.
 */
@Component
public class AttemptEvents {

	/**
	 * Counts events a listener (the leaderboard, the live statistics) missed; they are in
	 * PostgreSQL all the same.
	 */
	public static final String MISSED_ANNOUNCEMENTS = "civiquiz.submissions.missed.announcements";

	private static final Log logger = LogFactory.getLog(AttemptEvents.class);

	private final List<AttemptListener> listeners;

	private final ExamProperties properties;

	private final MeterRegistry meters;

	AttemptEvents(List<AttemptListener> listeners, ExamProperties properties, MeterRegistry meters) {
		this.listeners = listeners;
		this.properties = properties;
		this.meters = meters;
	}

	public static AttemptOpened opened(ContestSettings contest, UUID attemptId, long roundId, long participantId,
			Attempt.Taker taker, Instant startedAt) {
		return new AttemptOpened(attemptId, contest.slug(), contest.round(roundId).orElseThrow().number(),
				participantId, contest.unit(taker.unitId()).map(Unit::code).orElse(""), taker.district(), startedAt);
	}

	public static AttemptSubmitted submitted(ContestSettings contest, long roundId, long participantId,
			Attempt.Taker taker, List<Long> questionIds, List<Integer> answers, SubmissionResult result,
			boolean repeated) {
		Round round = contest.round(roundId).orElseThrow();
		String unitCode = contest.unit(taker.unitId()).map(Unit::code).orElse("");
		return new AttemptSubmitted(result.attemptId(), contest.id(), contest.slug(), round.id(), round.number(),
				round.opensAt(), contest.opensAt(), participantId, taker.fullName(), unitCode, taker.district(),
				result.score(), result.total(), result.durationMs(), result.submittedAt(), questionIds, answers,
				repeated, contest.ranked());
	}

	public Mono<Void> announce(AttemptOpened event) {
		return announce(event.attemptId(), event.contestSlug(), (listener) -> listener.onOpened(event));
	}

	public Mono<Void> announce(AttemptSubmitted event) {
		return announce(event.attemptId(), event.contestSlug(), (listener) -> listener.onSubmitted(event));
	}

	/**
	 * Tells every listener at once, each within the listener timeout; a miss is logged
	 * and counted per listener and contest, for the reconciler to repair.
	 */
	private Mono<Void> announce(UUID attemptId, String contestSlug, Function<AttemptListener, Mono<Void>> call) {
		return Flux.fromIterable(this.listeners)
			// deferred: a listener that throws is caught too
			.flatMap((listener) -> Mono.defer(() -> call.apply(listener))
				.timeout(this.properties.listenerTimeout())
				.onErrorResume((ex) -> {
					logger.warn("Listener " + listener.getClass().getSimpleName() + " missed attempt " + attemptId
							+ ": " + ex);
					this.meters
						.counter(MISSED_ANNOUNCEMENTS, "listener", listener.getClass().getSimpleName(), "contest",
								contestSlug)
						.increment();
					return Mono.empty();
				}))
			// told on the caller's thread: their Redis calls go through RedisGuard,
			// which chooses the thread they are sent from
			.then();
	}

}
