package org.civiquiz.retention;

/**
 * What retention did to one contest: counts only, never personal data.
 *
 * @param contest the contest's slug
 * @param participants participants anonymized
 * @param attempts attempts whose device data (IP hash, user agent, device hash) and typed
 * name were cleared
 * @param winnersLists winners lists whose names and contacts were removed
 * @param boardsRebuilt whether the contest's boards and counters were rebuilt from the
 * anonymized data (only when something changed, and not in a dry run)
 */
public record ContestRetention(String contest, long participants, long attempts, long winnersLists,
		boolean boardsRebuilt) {

	boolean changedAnything() {
		return this.participants + this.attempts + this.winnersLists > 0;
	}

}
