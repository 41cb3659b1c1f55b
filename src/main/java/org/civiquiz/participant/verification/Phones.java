package org.civiquiz.participant.verification;

/**
 * Phones as logs may show them.
 */
final class Phones {

	private Phones() {
	}

	/**
	 * @param e164 a phone, E.164
	 * @return its last three digits: enough to tell one's own test phone, nothing more
	 */
	static String masked(String e164) {
		return (e164 == null || e164.length() < 3) ? "…" : "…" + e164.substring(e164.length() - 3);
	}

}
