package org.civiquiz.integrity;

import java.util.List;
import java.util.Map;

/**
 * The cheating signals of a contest, or of one of its rounds.
 *
 * @param contest the contest's slug
 * @param round the round's number; {@code null} for the whole contest
 * @param summary the number of flags of each kind (every kind, zero included)
 * @param flaggedAttempts the number of different attempts flagged
 * @param flags the flags, by participant, then attempt, then kind
 */
public record IntegrityReport(String contest, Integer round, Map<FlagKind, Integer> summary, int flaggedAttempts,
		List<IntegrityFlag> flags) {
}
