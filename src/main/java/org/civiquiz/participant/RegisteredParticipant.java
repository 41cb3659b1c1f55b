package org.civiquiz.participant;

/**
 * A participant found or created by a registration.
 *
 * @param id the id
 * @param contestId the contest
 * @param unitId the unit
 * @param district the district
 * @param enteredName the full name as entered this time, cleaned (a returning participant
 * keeps the name of their first registration; this one may differ)
 */
public record RegisteredParticipant(long id, long contestId, long unitId, String district, String enteredName) {

}
