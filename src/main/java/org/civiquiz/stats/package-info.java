/**
 * What organizers watch: participation, score distributions (per attempt and per person's
 * best), units and districts, the hardest questions and the provisions behind them, and
 * the timeline. Exact figures are computed by PostgreSQL from the exam's tables:
 * reporting is SQL's job, and this package only reads them.
 */
package org.civiquiz.stats;
