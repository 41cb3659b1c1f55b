package org.civiquiz.contest.admin;

import java.util.List;

import org.civiquiz.contest.ContestStatus;

/**
 * Something organizers should know about a contest before they open it or while it runs.
 *
 * @param code {@code PUBLIC_BANK}: the contest, open or still a draft, draws from a
 * public question bank (shipped with the platform, correct options included): fine for a
 * demo or practice, not for a contest with prizes, which needs a bank of its own imported
 * (so an unranked contest, practice, is not warned of it)
 * @param bank the question bank concerned
 */
record ContestWarning(String code, String bank) {

	static final String PUBLIC_BANK = "PUBLIC_BANK";

	/**
	 * The warnings about a contest's question bank.
	 * @param status the contest's status
	 * @param bank its question bank
	 * @param bankPublic whether that bank is public
	 * @param ranked whether the contest ranks its participants (has prizes to protect)
	 * @return the warnings, possibly none
	 */
	static List<ContestWarning> about(ContestStatus status, String bank, boolean bankPublic, boolean ranked) {
		boolean notOver = status == ContestStatus.DRAFT || status == ContestStatus.OPEN;
		return (bankPublic && notOver && ranked) ? List.of(new ContestWarning(PUBLIC_BANK, bank)) : List.of();
	}

}
