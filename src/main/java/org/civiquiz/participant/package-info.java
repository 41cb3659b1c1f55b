/**
 * Registration and identity: one person per normalized phone number per contest, a keyed
 * hash instead of the national ID, and the unit and district a participant belongs to.
 */
package org.civiquiz.participant;
