/**
 * The public results: the standing winners lists, names masked, kept per replica for a
 * while. Inside the award feature.
 */
package org.civiquiz.award.results;
