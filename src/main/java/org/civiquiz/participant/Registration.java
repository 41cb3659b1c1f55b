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
 * @param consentVersion the version ({@code consentVersion} of the contest data) of the
 * consent text the form showed; if given, it must be the contest's current text. Without
 * it, the person is taken to agree to the current text
 * @param phoneToken the proof that the phone was verified with a one-time code for this
 * contest ({@code phoneToken} of {@code POST /api/contests/{slug}/phone-codes/verify});
 * required by a contest that verifies phones, recorded with the attempt by any other
 */
public record Registration(String fullName, String phone, String unitCode, String district, Integer birthYear,
		String email, String nationalId, Boolean consent, String consentVersion, String phoneToken) {

	/**
	 * A registration without a phone verified by code.
	 */
	public Registration(String fullName, String phone, String unitCode, String district, Integer birthYear,
			String email, String nationalId, Boolean consent, String consentVersion) {
		this(fullName, phone, unitCode, district, birthYear, email, nationalId, consent, consentVersion, null);
	}

	/**
	 * A registration that names no consent text version: the current text is recorded.
	 */
	public Registration(String fullName, String phone, String unitCode, String district, Integer birthYear,
			String email, String nationalId, Boolean consent) {
		this(fullName, phone, unitCode, district, birthYear, email, nationalId, consent, null, null);
	}

}
