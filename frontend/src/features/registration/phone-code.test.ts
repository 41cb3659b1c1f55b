import { describe, expect, it } from 'vitest';
import { cleanCode, codeLooksValid, needsNewCode, proofOf, sentToThisPhone, tokenFor } from './phone-code';
import { phoneE164 } from './validation';

const verified = { phoneToken: '1796000000.abc', expiresAt: '2026-12-05T10:00:00Z' };
const beforeExpiry = Date.parse('2026-12-05T09:59:00Z');

describe('phone codes', () => {
  it('takes six digits, spaces dropped', () => {
    expect(codeLooksValid('042917')).toBe(true);
    expect(codeLooksValid(' 042 917 ')).toBe(true);
    expect(cleanCode('042 917')).toBe('042917');
    for (const code of ['', '04291', '0429170', '04a917', '٠٤٢٩١٧']) {
      expect(codeLooksValid(code), code).toBe(false);
    }
  });

  it('writes phones in the server’s one form', () => {
    expect(phoneE164('0912 345 678')).toBe('+84912345678');
    expect(phoneE164('+84 912-345-678')).toBe('+84912345678');
    expect(phoneE164('84912345678')).toBe('+84912345678');
    expect(phoneE164('12345')).toBeNull();
  });

  it('keeps a proof for its phone however it is written, until it expires', () => {
    const proof = proofOf('0912 345 678', verified);
    expect(proof).toEqual({ phone: '+84912345678', token: verified.phoneToken, expiresAt: verified.expiresAt });
    expect(tokenFor(proof, '0912345678', beforeExpiry)).toBe(verified.phoneToken);
    expect(tokenFor(proof, '+84 912 345 678', beforeExpiry)).toBe(verified.phoneToken);
    // another phone, or too late: a new code is needed
    expect(tokenFor(proof, '0912 345 679', beforeExpiry)).toBeNull();
    expect(tokenFor(proof, '0912 345 678', Date.parse('2026-12-05T10:00:00Z'))).toBeNull();
    expect(tokenFor(null, '0912 345 678', beforeExpiry)).toBeNull();
    expect(proofOf('123', verified)).toBeNull();
  });

  it('knows when the code sent is for the phone in the form', () => {
    expect(sentToThisPhone('+84912345678', '0912 345 678')).toBe(true);
    expect(sentToThisPhone('+84912345678', '0912 345 679')).toBe(false);
    expect(sentToThisPhone(null, '0912 345 678')).toBe(false);
  });

  it('asks for a new code once the old one expired or was burnt', () => {
    expect(needsNewCode('PHONE_CODE_EXPIRED')).toBe(true);
    expect(needsNewCode('PHONE_CODE_TRIES_EXCEEDED')).toBe(true);
    expect(needsNewCode('PHONE_CODE_WRONG')).toBe(false);
  });
});
