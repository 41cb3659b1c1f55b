/**
 * Awards: the prize plan an organizer sets, the committee's finalization of a round (or
 * of the whole contest) into a frozen winners list, and its exports. The ranking is
 * computed from PostgreSQL at finalization, by a tie-break chain that is data (score,
 * prediction distance, duration, submission time, then the attempt id), so anyone can
 * recompute it from the stored attempts; each list carries the SHA-256 of its canonical
 * CSV form, so anyone can check that an export was not edited.
 */
package org.civiquiz.award;
