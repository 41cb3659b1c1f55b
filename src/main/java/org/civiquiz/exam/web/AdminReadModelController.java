package org.civiquiz.exam.web;

import org.civiquiz.contest.ContestService;
import org.civiquiz.exam.ReadModelReconciler;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organizers' way to rebuild every leaderboard and counter of a contest from
 * PostgreSQL.
 */
@RestController
class AdminReadModelController {

	private final ContestService contests;

	private final ReadModelReconciler reconciler;

	AdminReadModelController(ContestService contests, ReadModelReconciler reconciler) {
		this.contests = contests;
		this.reconciler = reconciler;
	}

	@PostMapping("/api/admin/contests/{slug}/rebuild")
	Mono<RebuildResult> rebuild(@PathVariable String slug) {
		return this.contests.settings(slug)
			.flatMap((contest) -> this.reconciler.rebuild(contest).map((count) -> new RebuildResult(slug, count)));
	}

	/**
	 * The outcome of a rebuild.
	 *
	 * @param contest the contest
	 * @param replayed how many events were replayed from PostgreSQL, over all read models
	 */
	record RebuildResult(String contest, long replayed) {
	}

}
