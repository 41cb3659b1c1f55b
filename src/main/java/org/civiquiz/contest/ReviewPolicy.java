package org.civiquiz.contest;

/**
 * When a participant may review an attempt (their answers beside the correct ones, with
 * the explanation and the article of the law), and when anyone may read the contest's
 * answer key.
 */
public enum ReviewPolicy {

	/** Right after each submission: practice. */
	AFTER_SUBMISSION,

	/**
	 * Once the attempt's round has closed and the submission grace has passed: the key of
	 * the round's questions is public while later rounds draw from the same bank.
	 */
	AFTER_ROUND_CLOSES,

	/**
	 * Once the contest has closed (the default): a bank is reused across rounds, so its
	 * key stays secret until the end.
	 */
	AFTER_CONTEST_CLOSES,

	/** Never: the questions and their key stay the organizers'. */
	NEVER

}
