/**
 * Cross-cutting glue only: the embedded default (a real PostgreSQL and Redis started by
 * the app when none is configured), RFC 9457 problem details, the clock and keyed
 * hashing.
 */
package org.civiquiz.platform;
