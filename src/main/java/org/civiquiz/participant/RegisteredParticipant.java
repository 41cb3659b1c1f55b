package org.civiquiz.participant;

/**
 * A participant found or created by a registration, and what this registration entered. A
 * returning participant keeps the name, unit and district of their first registration;
 * the entered ones may differ.
 *
 * @param id the id
 * @param contestId the contest
 * @param fullName the full name, as first registered
 * @param unitId the unit
 * @param district the district
 * @param enteredName the full name as entered this time, cleaned
 * @param enteredUnitCode the unit code as entered this time
 * @param enteredDistrict the district as entered this time, cleaned
 * @param phoneVerified whether this registration proved the phone with a one-time code
 */
public record RegisteredParticipant(long id, long contestId, String fullName, long unitId, String district,
		String enteredName, String enteredUnitCode, String enteredDistrict, boolean phoneVerified) {

}
