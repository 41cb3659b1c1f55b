package org.civiquiz.contest;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The organisation or locality a participant belongs to.
 *
 * @param id the id
 * @param contestId the contest
 * @param code a short stable code, e.g. {@code HP-LC}
 * @param name the name participants pick
 * @param parentId the enclosing unit, if any
 * @param headcount how many people the unit has, when known (for participation rates)
 */
@Table("unit")
public record Unit(@Id Long id, long contestId, String code, String name, Long parentId, Integer headcount) {

}
