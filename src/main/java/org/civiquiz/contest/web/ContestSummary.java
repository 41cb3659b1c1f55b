package org.civiquiz.contest.web;

import java.time.Instant;

import org.civiquiz.contest.ContestStatus;
import org.civiquiz.contest.internal.Contest;

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
