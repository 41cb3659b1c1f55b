/**
 * Phone verification by one-time code, for the contests that ask for it (docs/api.md,
 * "Phone verification"): what the registration page keeps of it, and when the proof it
 * got still counts.
 */
import { phoneE164 } from './validation';

/** POST /api/contests/{slug}/phone-codes → 202. */
export interface CodeSent {
  expiresAt: string;
  maxTries: number;
}

/** POST /api/contests/{slug}/phone-codes/verify → 200. */
export interface PhoneVerified {
  phoneToken: string;
  expiresAt: string;
}

/** A verified phone: the proof the start carries, for that phone only. */
export interface PhoneProof {
  phone: string;
  token: string;
  expiresAt: string;
}

/** A code as typed, as the server takes it: six digits, spaces dropped. */
export function cleanCode(input: string): string {
  return input.replace(/\s/g, '');
}

export function codeLooksValid(input: string): boolean {
  return /^\d{6}$/.test(cleanCode(input));
}

export function proofOf(phoneInput: string, verified: PhoneVerified): PhoneProof | null {
  const phone = phoneE164(phoneInput);
  return phone ? { phone, token: verified.phoneToken, expiresAt: verified.expiresAt } : null;
}

/**
 * The token to start with: the proof's, if it is for the phone now in the form and has not
 * expired; null otherwise (the page asks for a code again).
 */
export function tokenFor(proof: PhoneProof | null, phoneInput: string, now: number = Date.now()): string | null {
  if (!proof || proof.phone !== phoneE164(phoneInput)) {
    return null;
  }
  return Date.parse(proof.expiresAt) > now ? proof.token : null;
}

/** Whether the code last sent is for the phone now in the form. */
export function sentToThisPhone(sentTo: string | null, phoneInput: string): boolean {
  return sentTo !== null && sentTo === phoneE164(phoneInput);
}

/**
 * The problems after which the code that was sent is no longer worth entering: the page
 * offers to send a new one.
 */
export function needsNewCode(problemCode: string): boolean {
  return problemCode === 'PHONE_CODE_EXPIRED' || problemCode === 'PHONE_CODE_TRIES_EXCEEDED';
}
