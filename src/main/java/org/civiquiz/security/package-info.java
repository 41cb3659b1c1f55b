/**
 * Who may do what: the bootstrap accounts (organizer, committee, admin) with HTTP Basic
 * for the admin API; everything a citizen does is open.
 */
package org.civiquiz.security;
