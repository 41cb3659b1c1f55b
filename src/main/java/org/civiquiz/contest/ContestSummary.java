package org.civiquiz.contest;

import java.time.Instant;

record ContestSummary(String slug, String title, String law, ContestStatus status, Instant opensAt, Instant closesAt) {

	static ContestSummary of(Contest contest) {
		return new ContestSummary(contest.slug(), contest.title(), contest.law(), contest.status(), contest.opensAt(),
				contest.closesAt());
	}

}
