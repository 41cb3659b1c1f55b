package org.civiquiz.exam;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.exam.events.AttemptEvents;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings the read models back in line with PostgreSQL without anyone asking. On each
 * tick, for every published contest: a read model that no longer has the contest's view
 * (Redis restarted empty, or was flushed) replays it, and so does one that missed an
 * event of the contest (Redis was unreachable when it was accepted). Replays are
 * idempotent, so replicas that overlap, or live traffic meanwhile, do no harm. An
 * organizer's rebuild also clears the view first.
 */
@Component
public class ReadModelReconciler implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ReadModelReconciler.class);

	private final ContestService contests;

	private final ExamService exams;

	private final List<ReadModel> models;

	private final ExamProperties properties;

	private final MeterRegistry meters;

	/** Per listener and contest, the misses already repaired. */
	private final Map<List<String>, Double> repaired = new ConcurrentHashMap<>();

	private volatile Disposable ticks;

	ReadModelReconciler(ContestService contests, ExamService exams, List<ReadModel> models, ExamProperties properties,
			MeterRegistry meters) {
		this.contests = contests;
		this.exams = exams;
		this.models = models;
		this.properties = properties;
		this.meters = meters;
	}

	/**
	 * One pass: replay what needs it.
	 * @return how many views were replayed
	 */
	public Mono<Long> reconcile() {
		return this.contests.publishedContests()
			.concatMap((contest) -> Flux.fromIterable(this.models).concatMap((model) -> {
				List<String> key = List.of(model.getClass().getSimpleName(), contest.slug());
				double missed = missed(key);
				return Mono.just(missed > this.repaired.getOrDefault(key, 0.0))
					.filter(Boolean::booleanValue)
					.switchIfEmpty(model.isBuilt(contest).map((built) -> !built))
					.filter(Boolean::booleanValue)
					.flatMap((stale) -> replay(model, contest))
					.doOnNext((count) -> this.repaired.put(key, missed));
			}))
			.count();
	}

	/**
	 * Clears every read model of the contest and replays it from PostgreSQL: for an
	 * organizer after attempts were changed there.
	 * @param contest the contest
	 * @return how many events were replayed, over all read models
	 */
	public Mono<Long> rebuild(ContestSettings contest) {
		return Flux.fromIterable(this.models)
			.concatMap((model) -> model.clear(contest).then(replay(model, contest)))
			.reduce(0L, Long::sum);
	}

	private Mono<Long> replay(ReadModel model, ContestSettings contest) {
		return model.replay(contest, this.exams.openings(contest), this.exams.submissions(contest))
			.doOnNext((count) -> logger.info("Replayed " + count + " events into " + model.getClass().getSimpleName()
					+ " of " + contest.slug()));
	}

	private double missed(List<String> key) {
		Counter counter = this.meters.find(AttemptEvents.MISSED_ANNOUNCEMENTS)
			.tag("listener", key.get(0))
			.tag("contest", key.get(1))
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Override
	public void start() {
		Duration every = this.properties.reconcileInterval();
		// ticks on a thread that may block: a rebuild logs, and Redis may be slow to
		// connect
		this.ticks = Flux.interval(every.dividedBy(10), every, Schedulers.boundedElastic())
			// a pass longer than a tick skips the ticks it overlaps instead of failing
			// the timer
			.onBackpressureDrop()
			.concatMap((tick) -> reconcile().onErrorResume((ex) -> {
				// an operator should know the boards and counters are behind
				logger.warn("Reconciliation of the read models postponed to the next tick: " + ex);
				return Mono.empty();
			}))
			.subscribe(null, (ex) -> logger.error("Reconciliation of the read models stopped", ex));
	}

	@Override
	public void stop() {
		Disposable disposable = this.ticks;
		if (disposable != null) {
			disposable.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.ticks != null && !this.ticks.isDisposed();
	}

}
