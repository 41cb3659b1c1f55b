package org.civiquiz.contest;

/**
 * Whether a contest verifies its participants' phones with a one-time code before they
 * start.
 */
public enum PhoneVerification {

	/**
	 * The phone is taken as typed. A returning phone with other details is accepted and
	 * flagged for the committee.
	 */
	OFF,

	/**
	 * A start needs the proof that a code sent to the phone was entered.
	 */
	REQUIRED

}
