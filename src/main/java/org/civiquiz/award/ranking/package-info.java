/**
 * The award ranking and the prizes handed down it: pure functions of the candidates, the
 * tie-break chain and the plan. Inside the award feature.
 */
package org.civiquiz.award.ranking;
