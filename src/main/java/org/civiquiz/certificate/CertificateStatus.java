package org.civiquiz.certificate;

import java.time.Instant;

/**
 * Whether a participant gets a certificate, and when: what the result page shows.
 *
 * @param offered whether the contest issues certificates at all
 * @param minScore the best score that earns one
 * @param bestScore the participant's best score so far (attempts the committee excluded
 * do not count), {@code null} if none counts
 * @param total the questions of that attempt
 * @param prize the prizes the participant holds in finalized lists, or {@code null}
 * @param qualifies whether their best score reaches the minimum or they hold a prize
 * @param available whether the certificate can be downloaded now
 * @param availableAt when it can be, if it cannot now: when the contest is over
 */
record CertificateStatus(boolean offered, Integer minScore, Integer bestScore, Integer total, String prize,
		boolean qualifies, boolean available, Instant availableAt) {

	static CertificateStatus notOffered() {
		return new CertificateStatus(false, null, null, null, null, false, false, null);
	}

}
