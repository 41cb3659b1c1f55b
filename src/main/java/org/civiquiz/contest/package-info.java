/**
 * Contests, their rounds and the units (organisations, localities) participants belong
 * to: what a citizen reads before taking part, and the rules the exam enforces.
 */
package org.civiquiz.contest;
