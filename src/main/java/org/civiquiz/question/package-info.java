/**
 * Question banks: the questions of a law with their correct options, their import from
 * CSV (the same importer seeds the embedded default and serves organizers), a per-replica
 * cache, and the draw of an exam's questions by chapter quotas.
 */
package org.civiquiz.question;
