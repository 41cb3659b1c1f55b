package org.civiquiz.award;

/**
 * One step of the ranking chain. A contest orders (or drops) these steps in its prize
 * plan; the attempt id always comes last, so that no two candidates tie.
 */
public enum TieBreak {

	/** Higher score first. */
	SCORE,

	/**
	 * Prediction closer to the actual value first; an attempt without a prediction comes
	 * after every attempt with one.
	 */
	PREDICTION,

	/** Shorter duration first. */
	DURATION,

	/** Earlier submission first. */
	SUBMITTED_AT

}
