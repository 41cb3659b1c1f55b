/**
 * Phone verification by one-time code, for the contests that ask for it: a six-digit code
 * sent through a pluggable sender (an SMS or Zalo gateway over HTTP, or the log), kept
 * hashed in Redis for five minutes with at most five tries and limits per phone and per
 * address, and traded for a signed proof the start carries. The registration checks the
 * proof ({@link org.civiquiz.participant.verification.PhoneTokens}).
 */
package org.civiquiz.participant.verification;
