/**
 * Cheating signals for the award committee: attempts submitted faster than anyone can
 * read the questions, one sequence of answers shared by many participants, many
 * participants starting from one network or one device in a short time, one phone used
 * with many names, a returning phone entered with other details than its first
 * registration's. Each flag carries its evidence; a flag is a signal for the committee to
 * look at, never a verdict. Computed exactly by PostgreSQL from the exam's tables, which
 * this package only reads.
 */
package org.civiquiz.integrity;
