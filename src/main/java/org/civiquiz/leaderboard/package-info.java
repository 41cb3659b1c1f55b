/**
 * Live rankings in Redis sorted sets: each participant's best attempt per round, as one
 * composite value (higher score, then shorter duration, then earlier submission) kept
 * with {@code ZADD GT}. A derived view: PostgreSQL stays the source of truth.
 */
package org.civiquiz.leaderboard;
