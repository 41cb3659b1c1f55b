package org.civiquiz.stats;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Round;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

/**
 * A contest's figures for organizers and tools: live from Redis, exact from PostgreSQL,
 * and as a stream that many organizers share.
 */
@Service
public class StatsService {

	private final ContestService contests;

	private final ExactStats exact;

	private final LiveStats live;

	private final StatsProperties properties;

	/** One stream per contest and round on this replica, whoever watches it. */
	private final Map<String, Flux<ContestStats>> streams = new ConcurrentHashMap<>();

	StatsService(ContestService contests, ExactStats exact, LiveStats live, StatsProperties properties) {
		this.contests = contests;
		this.exact = exact;
		this.live = live;
		this.properties = properties;
	}

	/**
	 * The figures as PostgreSQL has them.
	 * @param slug the contest
	 * @param round a round number, or {@code null} for the whole contest
	 * @return the figures
	 */
	public Mono<ContestStats> exact(String slug, Integer round) {
		return scope(slug, round).flatMap((scope) -> this.exact.compute(scope.contest(), scope.round()));
	}

	/**
	 * The figures as Redis counts them, live.
	 * @param slug the contest
	 * @param round a round number, or {@code null} for the whole contest
	 * @return the figures
	 */
	public Mono<ContestStats> live(String slug, Integer round) {
		return scope(slug, round).flatMap((scope) -> this.live.read(scope.contest(), scope.round()));
	}

	/**
	 * Live figures, again whenever they change and at most once per tick. However many
	 * watch, a replica reads Redis once per tick (a version number) and the figures once
	 * per change.
	 * @param slug the contest
	 * @param round a round number, or {@code null} for the whole contest
	 * @return the stream of figures
	 */
	public Flux<ContestStats> stream(String slug, Integer round) {
		return scope(slug, round).flatMapMany((checked) -> this.streams.computeIfAbsent(slug + "/" + round,
				(key) -> Flux.interval(Duration.ZERO, this.properties.streamTick(), Schedulers.boundedElastic())
					// a slow tick skips the ticks it overlaps instead of failing the
					// stream
					.onBackpressureDrop()
					.concatMap((tick) -> this.live.version(slug).onErrorResume((ex) -> Mono.empty()))
					.distinctUntilChanged()
					// settings read again on each change (cached briefly): headcounts,
					// rounds
					.concatMap((version) -> scope(slug, round)
						.flatMap((scope) -> this.live.read(scope.contest(), scope.round()))
						.onErrorResume((ex) -> Mono.empty()))
					.replay(1)
					.refCount(1, Duration.ofSeconds(10))));
	}

	private Mono<Scope> scope(String slug, Integer round) {
		return this.contests.settings(slug)
			.map((contest) -> new Scope(contest, (round != null)
					? contest.roundNumbered(round).orElseThrow(() -> StatsException.roundNotFound(round)) : null));
	}

	private record Scope(ContestSettings contest, Round round) {
	}

}
