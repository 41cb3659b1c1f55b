package org.civiquiz.contest;

import java.util.List;

import org.civiquiz.platform.CiviquizException.FieldProblem;

/**
 * Whether a contest issues certificates (giấy chứng nhận), and to whom: a participant
 * whose best score reaches {@code minScore}, or who holds a prize. The issuing body and
 * its place are printed on each certificate.
 *
 * @param enabled whether certificates are issued
 * @param minScore the best score that earns one, e.g. 15 (of 20)
 * @param issuer the issuing body, e.g. "Sở Tư pháp thành phố Hải Phòng"
 * @param place where it is issued, printed before the date, e.g. "Hải Phòng"
 */
public record CertificateSetting(boolean enabled, Integer minScore, String issuer, String place) {

	/** No certificates: what a contest has until its organizers turn them on. */
	public static final CertificateSetting OFF = new CertificateSetting(false, null, null, null);

	public CertificateSetting {
		issuer = (issuer != null) ? issuer.strip() : null;
		place = (place != null) ? place.strip() : null;
	}

	/**
	 * Adds what is wrong with the setting; an off setting may leave its fields blank.
	 * @param questionsPerAttempt the contest's questions per attempt (the highest score)
	 * @param problems where to add
	 */
	public void check(Integer questionsPerAttempt, List<FieldProblem> problems) {
		if (!this.enabled) {
			return;
		}
		int max = (questionsPerAttempt != null) ? questionsPerAttempt : 31;
		if (this.minScore == null || this.minScore < 0 || this.minScore > max) {
			problems.add(new FieldProblem("certificate.minScore", "NUMBER_RANGE", 0, max));
		}
		text("certificate.issuer", this.issuer, 200, problems);
		text("certificate.place", this.place, 100, problems);
	}

	private static void text(String field, String value, int max, List<FieldProblem> problems) {
		if (value == null || value.isEmpty()) {
			problems.add(new FieldProblem(field, "FIELD_REQUIRED"));
		}
		else if (value.length() > max) {
			problems.add(new FieldProblem(field, "TEXT_TOO_LONG", max));
		}
		else if (value.chars().anyMatch(Character::isISOControl)) {
			problems.add(new FieldProblem(field, "TEXT_INVALID"));
		}
	}

}
