/**
 * Question banks: the questions of a law with their correct options, their import from
 * CSV (the same importer seeds the embedded default and serves organizers), whether a
 * bank is public (loaded from a file shipped with the platform, so its answers are
 * known), a per-replica cache, and the draw of an exam's questions by chapter quotas.
 */
package org.civiquiz.question;
