/**
 * Retention of personal data: once a contest's whole-contest winners list has stood for
 * {@code civiquiz.retention.days}, a command anonymizes its participants, clears what its
 * attempts keep about devices, and removes names and contacts from its winners lists,
 * while every figure (participants, scores, units, districts, questions) stays the same.
 * Each feature clears its own tables; this package decides when and runs them in one
 * transaction per contest.
 */
package org.civiquiz.retention;
