package org.civiquiz.stats;

import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Round;
import reactor.core.publisher.Mono;

/**
 * Whose figures: a contest, and one of its rounds or {@code null} for the whole contest.
 *
 * @param contest the contest's settings
 * @param round the round, or {@code null}
 */
record StatsScope(ContestSettings contest, Round round) {

	/**
	 * @param contests the contests
	 * @param slug the contest's slug
	 * @param round a round number, or {@code null}
	 * @return the scope, or an error when the contest or the round does not exist
	 */
	static Mono<StatsScope> resolve(ContestService contests, String slug, Integer round) {
		return contests.settings(slug)
			.map((contest) -> new StatsScope(contest, (round != null)
					? contest.roundNumbered(round).orElseThrow(() -> StatsException.roundNotFound(round)) : null));
	}

}
