package org.civiquiz.contest;

/**
 * What happens to an attempt whose time (the deadline plus the grace) ran out without a
 * submission.
 */
public enum OverdueHandling {

	/**
	 * The server submits it from the answers it last saved, as if submitted at the
	 * deadline; an attempt that never saved expires.
	 */
	AUTO_SUBMIT,

	/**
	 * It expires unscored, whatever it saved.
	 */
	DISCARD

}
