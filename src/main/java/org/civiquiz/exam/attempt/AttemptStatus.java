package org.civiquiz.exam.attempt;

/**
 * Where an attempt is: open until submitted or past its deadline.
 */
public enum AttemptStatus {

	OPEN, SUBMITTED, EXPIRED

}
