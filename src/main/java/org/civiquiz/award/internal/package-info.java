/**
 * The award feature's storage, refusals and the committee's reasons, shared by its
 * services. Inside the award feature.
 */
package org.civiquiz.award.internal;
