package org.civiquiz.participant;

/**
 * What a citizen enters to take part. Every field is checked by
 * {@link ParticipantService#register}; none is trusted as sent.
 *
 * @param fullName the full name, as on an ID card
 * @param phone a Vietnamese phone number in any usual notation
 * @param unitCode the code of the contest's unit the person belongs to
 * @param district the district the person lives or works in
 * @param birthYear the year of birth
 * @param email optional e-mail address
 * @param nationalId optional national ID (CCCD, 12 digits, or old CMND, 9 digits); only
 * its keyed hash is stored
 * @param consent the person agrees to the use of their data described on the form
 */
public record Registration(String fullName, String phone, String unitCode, String district, Integer birthYear,
		String email, String nationalId, Boolean consent) {

}
