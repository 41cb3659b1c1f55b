package org.civiquiz.exam;

import org.civiquiz.contest.ContestSettings;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A view derived from the attempts (kept in Redis) that can always be rebuilt from
 * PostgreSQL: {@link ReadModelReconciler} rebuilds it when it lost its data or missed
 * events.
 */
public interface ReadModel extends AttemptListener {

	/**
	 * Whether the view was built for the contest since its store last lost its data.
	 * @param contest the contest
	 * @return whether it is built
	 */
	Mono<Boolean> isBuilt(ContestSettings contest);

	/**
	 * Replays the attempts in PostgreSQL into the contest's view, then marks it built.
	 * Idempotent: events already in the view are not counted again, so a replay may
	 * overlap live traffic and other replays.
	 * @param contest the contest
	 * @param openings every attempt's start, oldest first (read only if subscribed)
	 * @param submissions every submission, oldest first (read only if subscribed)
	 * @return how many events were replayed
	 */
	Mono<Long> replay(ContestSettings contest, Flux<AttemptOpened> openings, Flux<AttemptSubmitted> submissions);

	/**
	 * Drops the contest's view, for a replay that must also forget what PostgreSQL no
	 * longer has (attempts changed or removed there).
	 * @param contest the contest
	 * @return when done
	 */
	Mono<Void> clear(ContestSettings contest);

}
