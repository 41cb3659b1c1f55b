package org.civiquiz.award;

import java.time.Instant;

/**
 * A contest's prize plan and its revision.
 *
 * @param revision 1 for the first plan, one more for each change; each finalized list
 * records the revision it used
 * @param updatedAt when it last changed
 * @param updatedBy who changed it
 * @param plan the plan
 */
public record PrizePlanView(int revision, Instant updatedAt, String updatedBy, PrizePlan plan) {
}
