/**
 * The learning loop's reading side: a participant's review of a submitted attempt (their
 * answers beside the correct ones, the explanation and the cited article in the law's own
 * words, a per-chapter summary) and a contest's answer key, each shown only once the
 * contest's review policy allows it.
 */
package org.civiquiz.review;
