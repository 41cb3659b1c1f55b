package org.civiquiz.leaderboard;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.exam.ExamService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings the boards back in line with PostgreSQL without anyone asking: on each tick,
 * every open contest whose boards Redis no longer has (Redis restarted empty, or was
 * flushed) is rebuilt, and so is every open contest after the leaderboard missed a
 * submission (Redis was unreachable when it was accepted). Rebuilds replay with
 * {@code ZADD GT}: harmless when they overlap, on one replica or several.
 */
@Component
public class LeaderboardReconciler implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(LeaderboardReconciler.class);

	private final ContestService contests;

	private final ExamService exams;

	private final LeaderboardService leaderboards;

	private final ReactiveStringRedisTemplate redis;

	private final LeaderboardProperties properties;

	private final MeterRegistry meters;

	private volatile Disposable ticks;

	private double missedSeen;

	LeaderboardReconciler(ContestService contests, ExamService exams, LeaderboardService leaderboards,
			ReactiveStringRedisTemplate redis, LeaderboardProperties properties, MeterRegistry meters) {
		this.contests = contests;
		this.exams = exams;
		this.leaderboards = leaderboards;
		this.redis = redis;
		this.properties = properties;
		this.meters = meters;
	}

	/**
	 * One pass: rebuild what needs it.
	 * @return how many contests were rebuilt
	 */
	Mono<Long> reconcile() {
		double missed = missed();
		boolean missedSome = missed > this.missedSeen;
		return this.contests.openContests()
			.filterWhen((contest) -> missedSome ? Mono.just(true)
					: this.redis.hasKey(LeaderboardKeys.built(contest.slug())).map((built) -> !built))
			.concatMap((contest) -> rebuild(contest).doOnNext((count) -> logger
				.info("Rebuilt the leaderboards of " + contest.slug() + " from " + count + " submissions")))
			.count()
			.doOnSuccess((count) -> this.missedSeen = missed);
	}

	/**
	 * Removes the contest's boards and builds them again from PostgreSQL: for when
	 * attempts were changed or removed there, which replaying alone would not undo.
	 * @param contest the contest
	 * @return how many submissions were replayed
	 */
	public Mono<Long> rebuildFromScratch(ContestSettings contest) {
		return this.redis.scan(ScanOptions.scanOptions().match(LeaderboardKeys.all(contest.slug())).count(500).build())
			.buffer(500)
			.concatMap((keys) -> this.redis.delete(keys.toArray(String[]::new)))
			.then(rebuild(contest));
	}

	/**
	 * Replays every submitted attempt of the contest from PostgreSQL into its boards,
	 * then marks the contest as built. Idempotent, and safe while submissions go on.
	 * @param contest the contest
	 * @return how many submissions were replayed
	 */
	public Mono<Long> rebuild(ContestSettings contest) {
		return this.exams.submissions(contest)
			.buffer(500)
			.concatMap((batch) -> this.leaderboards.write(batch).thenReturn(batch.size()))
			.reduce(0L, Long::sum)
			.flatMap((count) -> this.redis.opsForValue()
				.set(LeaderboardKeys.built(contest.slug()), Long.toString(count))
				.thenReturn(count));
	}

	private double missed() {
		Counter counter = this.meters.find(ExamService.MISSED_ANNOUNCEMENTS)
			.tag("listener", LeaderboardService.class.getSimpleName())
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Override
	public void start() {
		this.ticks = Flux
			.interval(this.properties.reconcileInterval().dividedBy(10), this.properties.reconcileInterval())
			.concatMap((tick) -> reconcile().onErrorResume((ex) -> {
				logger.debug("Leaderboard reconciliation postponed: " + ex);
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
