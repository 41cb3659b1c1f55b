/**
 * The committee's exclusions of attempts from the prizes. Inside the award feature.
 */
package org.civiquiz.award.exclusion;
