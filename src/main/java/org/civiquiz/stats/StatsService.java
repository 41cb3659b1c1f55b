package org.civiquiz.stats;

import org.civiquiz.contest.ContestService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * A contest's figures for organizers and tools.
 */
@Service
public class StatsService {

	private final ContestService contests;

	private final ExactStats exact;

	StatsService(ContestService contests, ExactStats exact) {
		this.contests = contests;
		this.exact = exact;
	}

	/**
	 * The figures as PostgreSQL has them.
	 * @param slug the contest
	 * @param round a round number, or {@code null} for the whole contest
	 * @return the figures
	 */
	public Mono<ContestStats> exact(String slug, Integer round) {
		return this.contests.settings(slug)
			.flatMap((contest) -> this.exact.compute(contest, (round != null)
					? contest.roundNumbered(round).orElseThrow(() -> StatsException.roundNotFound(round)) : null));
	}

}
