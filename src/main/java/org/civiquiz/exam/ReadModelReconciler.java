package org.civiquiz.exam;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings the read models back in line with PostgreSQL without anyone asking: on each
 * tick, every open contest whose view a read model no longer has (Redis restarted empty,
 * or was flushed) is rebuilt, and so is every open contest after a read model missed an
 * event (Redis was unreachable when it was accepted). Rebuilding is idempotent, so
 * replicas that overlap do no harm.
 */
@Component
public class ReadModelReconciler implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ReadModelReconciler.class);

	private final ContestService contests;

	private final ExamService exams;

	private final List<ReadModel> models;

	private final ExamProperties properties;

	private final MeterRegistry meters;

	private volatile Disposable ticks;

	private volatile double missedSeen;

	ReadModelReconciler(ContestService contests, ExamService exams, List<ReadModel> models, ExamProperties properties,
			MeterRegistry meters) {
		this.contests = contests;
		this.exams = exams;
		this.models = models;
		this.properties = properties;
		this.meters = meters;
	}

	/**
	 * One pass: rebuild what needs it.
	 * @return how many views were rebuilt
	 */
	public Mono<Long> reconcile() {
		double missed = missed();
		boolean missedSome = missed > this.missedSeen;
		return this.contests.openContests()
			.concatMap((contest) -> Flux.fromIterable(this.models)
				.filterWhen((model) -> missedSome ? Mono.just(true) : model.isBuilt(contest).map((built) -> !built))
				.concatMap((model) -> rebuild(model, contest)))
			.count()
			.doOnSuccess((count) -> this.missedSeen = missed);
	}

	/**
	 * Rebuilds every read model of the contest from PostgreSQL.
	 * @param contest the contest
	 * @return how many events were replayed, over all read models
	 */
	public Mono<Long> rebuild(ContestSettings contest) {
		return Flux.fromIterable(this.models).concatMap((model) -> rebuild(model, contest)).reduce(0L, Long::sum);
	}

	private Mono<Long> rebuild(ReadModel model, ContestSettings contest) {
		return model.rebuild(contest, this.exams.openings(contest), this.exams.submissions(contest))
			.doOnNext((count) -> logger.info("Rebuilt " + model.getClass().getSimpleName() + " of " + contest.slug()
					+ " from " + count + " events"));
	}

	private double missed() {
		return this.meters.find(ExamService.MISSED_ANNOUNCEMENTS).counters().stream().mapToDouble(Counter::count).sum();
	}

	@Override
	public void start() {
		Duration every = this.properties.reconcileInterval();
		// ticks on a thread that may block: a rebuild logs, and Redis may be slow to
		// connect
		this.ticks = Flux.interval(every.dividedBy(10), every, Schedulers.boundedElastic())
			.concatMap((tick) -> reconcile().onErrorResume((ex) -> {
				logger.debug("Reconciliation of the read models postponed: " + ex);
				return Mono.empty();
			}))
			.subscribe();
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
