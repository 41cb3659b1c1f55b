package org.civiquiz.participant;

/**
 * A participant found or created by a registration.
 *
 * @param id the id
 * @param contestId the contest
 * @param unitId the unit
 * @param district the district
 */
public record RegisteredParticipant(long id, long contestId, long unitId, String district) {

}
