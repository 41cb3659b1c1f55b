/**
 * Starting an attempt: registration, the attempt limit and one open attempt at a time,
 * the draw, and the {@code Idempotency-Key} that answers a repeated start with the
 * attempt it started. Inside the exam feature.
 */
package org.civiquiz.exam.start;
