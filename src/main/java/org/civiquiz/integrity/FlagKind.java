package org.civiquiz.integrity;

/**
 * The kinds of cheating signals.
 */
public enum FlagKind {

	/** Submitted faster than a plausible reading time, with a high score. */
	TOO_FAST,

	/** The same sequence of chosen positions as other participants' attempts. */
	IDENTICAL_ANSWERS,

	/** Started from one client IP with many other participants in a short time. */
	SHARED_NETWORK,

	/** Started from one browser with many other participants in a short time. */
	SHARED_DEVICE,

	/** The participant's phone was used with many different names. */
	PHONE_MANY_NAMES,

	/**
	 * Started by a returning phone with another name, unit or district than the phone's
	 * first registration, whose details the attempt counts under.
	 */
	PHONE_DETAILS_CHANGED

}
