package org.civiquiz.stats;

import java.util.List;

import org.civiquiz.contest.ContestService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * A contest's figures for organizers and tools: live from Redis, exact from PostgreSQL
 * (and as a stream that many organizers share: {@link StatsStream}).
 */
@Service
public class StatsService {

	private final ContestService contests;

	private final ExactStats exact;

	private final LiveStats live;

	StatsService(ContestService contests, ExactStats exact, LiveStats live) {
		this.contests = contests;
		this.exact = exact;
		this.live = live;
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
	 * The figures a unit-scoped account sees: those of its units' participants, from
	 * PostgreSQL (Redis counts per contest and round only); the contest's otherwise.
	 * @param slug the contest
	 * @param round a round number, or {@code null} for the whole contest
	 * @param unitCodes the units the account is limited to, empty for the whole contest
	 * @param exact whether the contest's figures come from PostgreSQL rather than Redis
	 * @return the figures
	 */
	public Mono<ContestStats> figures(String slug, Integer round, List<String> unitCodes, boolean exact) {
		if (unitCodes.isEmpty()) {
			return exact ? exact(slug, round) : live(slug, round);
		}
		return scope(slug, round, unitCodes).flatMap(this.exact::compute);
	}

	/**
	 * Checks that the contest, and the round if given, exist.
	 * @param slug the contest
	 * @param round a round number, or {@code null} for the whole contest
	 * @return the scope, or an error the client can act on
	 */
	Mono<StatsScope> scope(String slug, Integer round) {
		return StatsScope.resolve(this.contests, slug, round);
	}

	/**
	 * As {@link #scope(String, Integer)}, limited to some units.
	 * @param slug the contest
	 * @param round a round number, or {@code null}
	 * @param unitCodes the units, empty for the whole contest
	 * @return the scope
	 */
	Mono<StatsScope> scope(String slug, Integer round, List<String> unitCodes) {
		return scope(slug, round).map((scope) -> scope.limitedTo(unitCodes));
	}

}
