package org.civiquiz.exam;

import java.time.Instant;
import java.util.UUID;

/**
 * An attempt was started and committed to PostgreSQL.
 *
 * @param attemptId the attempt
 * @param contestSlug the contest's slug (the hash tag of its Redis keys)
 * @param roundNumber the round's number in the contest
 * @param participantId the participant
 * @param unitCode the participant's unit
 * @param district the participant's district
 * @param startedAt when it started
 */
public record AttemptOpened(UUID attemptId, String contestSlug, int roundNumber, long participantId, String unitCode,
		String district, Instant startedAt) {

}
