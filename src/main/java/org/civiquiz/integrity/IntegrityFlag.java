package org.civiquiz.integrity;

import java.util.UUID;

/**
 * One signal on one submitted attempt.
 *
 * @param kind the signal
 * @param attemptId the attempt
 * @param participantId who took it
 * @param maskedName their name as public boards show it ("Nguyễn V. A.")
 * @param roundNumber the attempt's round
 * @param score its score
 * @param excluded whether the committee has already excluded it from the prizes
 * @param evidence why
 * @param autoSubmitted whether the server submitted the attempt from its last save when
 * its time ran out (its duration is then the whole time allowed, and says nothing of the
 * participant's pace)
 */
public record IntegrityFlag(FlagKind kind, UUID attemptId, long participantId, String maskedName, int roundNumber,
		int score, boolean excluded, Evidence evidence, boolean autoSubmitted) {
}
