package org.civiquiz.certificate;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * What anyone holding a certificate's code may learn of it.
 *
 * @param code the code, in groups of five
 * @param valid whether it stands
 * @param reason why not: {@code revoked} (the attempt it rests on was excluded by the
 * award committee), {@code superseded} (a newer certificate replaced it) or
 * {@code prize-withdrawn} (a prize it names no longer stands); {@code null} when valid
 * @param contest the contest's title
 * @param name the holder's name, masked as on the public boards
 * @param score the best score stated
 * @param total the questions of that attempt
 * @param prize the prizes stated, or {@code null}
 * @param issuedAt when it was issued
 */
record CertificateVerification(String code, boolean valid, @JsonInclude(Include.ALWAYS) String reason, String contest,
		String name, int score, int total, @JsonInclude(Include.ALWAYS) String prize, Instant issuedAt) {
}
