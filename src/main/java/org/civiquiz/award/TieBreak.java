package org.civiquiz.award;

import java.util.Comparator;

/**
 * One step of the ranking chain. A contest orders (or drops) these steps in its prize
 * plan; the attempt id always comes last, so that no two candidates tie.
 */
public enum TieBreak {

	/** Higher score first. */
	SCORE(Comparator.comparingInt(Candidate::score).reversed()),

	/**
	 * Prediction closer to the actual value first; an attempt without a prediction comes
	 * after every attempt with one.
	 */
	PREDICTION(Comparator.comparing(Candidate::distance, Comparator.nullsLast(Comparator.naturalOrder()))),

	/** Shorter duration first. */
	DURATION(Comparator.comparingInt(Candidate::durationMs)),

	/** Earlier submission first. */
	SUBMITTED_AT(Comparator.comparing(Candidate::submittedAt));

	private final Comparator<Candidate> order;

	TieBreak(Comparator<Candidate> order) {
		this.order = order;
	}

	Comparator<Candidate> order() {
		return this.order;
	}

}
