package org.civiquiz.stats;

import java.util.List;

import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Round;
import org.civiquiz.contest.Unit;
import org.civiquiz.contest.UnitTree;
import reactor.core.publisher.Mono;

/**
 * Whose figures: a contest, one of its rounds or {@code null} for the whole contest, and
 * the units a unit-scoped account is limited to or {@code null} for every unit.
 *
 * @param contest the contest's settings
 * @param round the round, or {@code null}
 * @param units the units whose participants' attempts count (the units an account's scope
 * names and their descendants), or {@code null} for the whole contest
 */
record StatsScope(ContestSettings contest, Round round, List<Unit> units) {

	StatsScope(ContestSettings contest, Round round) {
		this(contest, round, null);
	}

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

	/**
	 * @param unitCodes the codes of the units an account is limited to, empty for none
	 * @return this scope, limited to those units and their descendants
	 */
	StatsScope limitedTo(List<String> unitCodes) {
		return unitCodes.isEmpty() ? this
				: new StatsScope(this.contest, this.round, UnitTree.covered(this.contest.units(), unitCodes));
	}

	boolean wholeContest() {
		return this.units == null;
	}

	/**
	 * @return the units the figures list: the contest's, or those of the scope
	 */
	List<Unit> listedUnits() {
		return wholeContest() ? this.contest.units() : this.units;
	}

}
