package org.civiquiz.contest.admin;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.civiquiz.contest.ContestStatus;
import org.civiquiz.contest.internal.Contest;

/**
 * A contest in the organizers' list: the public summary, its question bank, whether that
 * bank is public, what organizers should be warned of, and whether it ranks (false for
 * practice).
 */
record AdminContestSummary(String slug, String title, String law, ContestStatus status, Instant opensAt,
		Instant closesAt, String questionBank, boolean bankPublic, List<ContestWarning> warnings, boolean ranked) {

	static AdminContestSummary of(Contest contest, Set<String> publicBanks) {
		boolean bankPublic = publicBanks.contains(contest.questionBank());
		return new AdminContestSummary(contest.slug(), contest.title(), contest.law(), contest.status(),
				contest.opensAt(), contest.closesAt(), contest.questionBank(), bankPublic,
				ContestWarning.about(contest.status(), contest.questionBank(), bankPublic, contest.ranked()),
				contest.ranked());
	}

}
