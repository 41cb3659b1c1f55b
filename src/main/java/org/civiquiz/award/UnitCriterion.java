package org.civiquiz.award;

/** What a collective prize rewards. */
public enum UnitCriterion {

	/** The most participants. */
	PARTICIPANTS,

	/** The highest share of the unit's headcount taking part. */
	PARTICIPATION_RATE

}
