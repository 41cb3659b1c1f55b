package org.civiquiz.certificate;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a certificate states.
 *
 * @param code the verification code, canonical
 * @param issuer the issuing body
 * @param place where it is issued
 * @param contest the contest's title
 * @param fullName the participant's full name
 * @param unit the participant's unit
 * @param score the best score
 * @param total the questions of that attempt
 * @param prize the prizes held when issued, or {@code null}
 * @param issuedAt when it was issued
 * @param zone the time zone of its date
 * @param verifyUrl the public page that verifies the code
 */
record CertificateContent(String code, String issuer, String place, String contest, String fullName, String unit,
		int score, int total, String prize, Instant issuedAt, ZoneId zone, String verifyUrl) {
}
