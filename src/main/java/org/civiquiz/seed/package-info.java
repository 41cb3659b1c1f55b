/**
 * The embedded default's first-start data: the Cooperative Law 2023 contest of the
 * reference campaign, with its question bank, weekly rounds, units and districts.
 */
package org.civiquiz.seed;
