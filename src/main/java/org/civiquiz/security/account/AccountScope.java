package org.civiquiz.security.account;

import java.util.List;
import java.util.Optional;

/**
 * The contests a staff account may see, and within each the units it is limited to. An
 * account without a scope ({@code null} where a scope is expected) sees every contest.
 *
 * @param contests the contests; {@code null} on input means every contest (the admin's
 * way to lift a scope), an empty list no contest at all (until the account creates one)
 */
public record AccountScope(List<ContestScope> contests) {

	/**
	 * The scope of one contest.
	 *
	 * @param slug the contest
	 * @param units the codes of the units the account is limited to (a unit covers its
	 * descendants); absent or empty: the whole contest
	 */
	public record ContestScope(String slug, List<String> units) {

		public ContestScope {
			units = (units != null) ? java.util.Collections.unmodifiableList(new java.util.ArrayList<>(units))
					: List.of();
		}

		/**
		 * @return whether the account sees the whole contest, not some of its units
		 */
		public boolean wholeContest() {
			return this.units.isEmpty();
		}

	}

	/**
	 * @param slug a contest
	 * @return the scope of that contest, empty if the contest is outside this scope
	 */
	public Optional<ContestScope> contest(String slug) {
		return this.contests.stream().filter((contest) -> contest.slug().equals(slug)).findFirst();
	}

}
