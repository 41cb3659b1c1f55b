package org.civiquiz.contest;

import java.time.Instant;

/**
 * A contest in the public list; {@code ranked} is false for practice ("thi thử").
 */
record ContestSummary(String slug, String title, String law, ContestStatus status, Instant opensAt, Instant closesAt,
		boolean ranked) {

	static ContestSummary of(Contest contest) {
		return new ContestSummary(contest.slug(), contest.title(), contest.law(), contest.status(), contest.opensAt(),
				contest.closesAt(), contest.ranked());
	}

}
