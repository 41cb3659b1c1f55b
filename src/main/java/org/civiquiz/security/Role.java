package org.civiquiz.security;

/**
 * What a staff account may do. Citizens need no account.
 */
public enum Role {

	/** Runs contests: contests, questions, prize plans, the live dashboard. */
	ORGANIZER,

	/**
	 * The award committee: finalizes and exports winners, reviews suspicious attempts.
	 */
	COMMITTEE,

	/** Everything, including accounts. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
