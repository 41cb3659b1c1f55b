package org.civiquiz.award;

import java.time.Instant;

/**
 * One decision about prizes.
 *
 * @param action {@code PLAN_CHANGED}, {@code EXCLUDED}, {@code EXCLUSION_LIFTED},
 * {@code FINALIZED} or {@code REOPENED}
 * @param round the round's number; {@code null} for the contest as a whole
 * @param actor the account that did it
 * @param detail what and why
 * @param at when
 */
public record AwardLogEntry(String action, Integer round, String actor, String detail, Instant at) {
}
