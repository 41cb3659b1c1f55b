/**
 * Attempts: start (register, enforce the attempt limit and one open attempt at a time,
 * draw the questions), the server-side deadline, submission, scoring and idempotency. An
 * accepted submission is committed to PostgreSQL before the client hears of it; listeners
 * such as the leaderboard learn of it afterwards and may fail without failing it.
 */
package org.civiquiz.exam;
