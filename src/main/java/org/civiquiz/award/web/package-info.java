/**
 * The award feature's HTTP endpoints: the prize plan, exclusions, finalization, exports
 * and the award log for staff; the prizes and results for the public. Inside the award
 * feature.
 */
package org.civiquiz.award.web;
