package org.civiquiz.award;

import java.math.BigDecimal;

/**
 * A collective prize won by a unit.
 *
 * @param rank the unit's place in the criterion's ranking
 * @param prize the prize
 * @param criterion what it rewards
 * @param unitCode the unit
 * @param unitName its name
 * @param participants its people who took part
 * @param headcount its headcount, when known
 * @param participationRate participants per 100 of the headcount, two decimals, when the
 * headcount is known
 */
public record UnitPrize(int rank, String prize, UnitCriterion criterion, String unitCode, String unitName,
		long participants, Integer headcount, BigDecimal participationRate) {
}
