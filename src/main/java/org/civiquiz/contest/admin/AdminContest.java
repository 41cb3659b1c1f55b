package org.civiquiz.contest.admin;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A contest as organizers read it: its form, whether its question bank is public, and
 * what they should be warned of. Only the form goes back in a change.
 *
 * @param form the contest's form, its fields at the top level
 * @param bankPublic whether the contest's question bank is public (shipped with the
 * platform, correct options included)
 * @param warnings what organizers should know (see {@link ContestWarning})
 */
record AdminContest(@JsonUnwrapped ContestForm form, boolean bankPublic, List<ContestWarning> warnings) {

	static AdminContest of(ContestForm form, Set<String> publicBanks) {
		boolean bankPublic = publicBanks.contains(form.questionBank());
		return new AdminContest(form, bankPublic,
				ContestWarning.about(form.status(), form.questionBank(), bankPublic, form.ranks()));
	}

}
