/**
 * The waiting room: when starts come faster than the app can serve them, an entrant gets
 * a place in a first-come, first-served line, shared by every replica in Redis, with a
 * position and an estimated wait, and is admitted in turn. Submissions, saves and attempt
 * views never pass through it. Without Redis the room is open.
 */
package org.civiquiz.waitingroom;
