package org.civiquiz.contest;

/**
 * The lifecycle of a contest: draft → open → closed → finalized.
 */
public enum ContestStatus {

	DRAFT, OPEN, CLOSED, FINALIZED

}
