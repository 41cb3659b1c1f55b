/**
 * The attempt as stored and what is checked against it: its repository, the lookup by
 * token, ids and tokens, scoring and the exam's refusals. Inside the exam feature.
 */
package org.civiquiz.exam.attempt;
