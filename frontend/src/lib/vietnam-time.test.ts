import { describe, expect, it } from 'vitest';
import { fromVietnamLocal, toVietnamLocal, vietnamDateTime } from './vietnam-time';

describe('Vietnam time', () => {
  it('shows an instant as wall-clock time in Vietnam (UTC+7)', () => {
    expect(toVietnamLocal('2026-12-01T01:00:00Z')).toBe('2026-12-01T08:00');
    expect(toVietnamLocal('2026-12-31T20:30:00Z')).toBe('2027-01-01T03:30');
    expect(toVietnamLocal('2026-12-01T01:00:00.000+00:00')).toBe('2026-12-01T08:00');
    expect(toVietnamLocal('2026-12-01T01:00:15Z')).toBe('2026-12-01T08:00:15');
    expect(toVietnamLocal('')).toBe('');
    expect(toVietnamLocal('not a time')).toBe('');
  });
  it('reads typed Vietnam time as an instant', () => {
    expect(fromVietnamLocal('2026-12-01T08:00')).toBe('2026-12-01T01:00:00Z');
    expect(fromVietnamLocal('2027-01-01T03:30')).toBe('2026-12-31T20:30:00Z');
    expect(fromVietnamLocal('2026-12-01T00:15:30')).toBe('2026-11-30T17:15:30Z');
  });
  it('refuses what is not a date-time', () => {
    expect(fromVietnamLocal('')).toBeNull();
    expect(fromVietnamLocal('2026-02-31T08:00')).toBeNull();
    expect(fromVietnamLocal('2026-13-01T08:00')).toBeNull();
    expect(fromVietnamLocal('01/12/2026 08:00')).toBeNull();
  });
  it('round-trips', () => {
    for (const iso of ['2026-03-08T17:00:00Z', '2024-02-29T16:59:59Z', '2026-07-15T00:00:00Z']) {
      expect(fromVietnamLocal(toVietnamLocal(iso))).toBe(iso);
    }
  });
  it('formats in Vietnam time whatever the browser zone', () => {
    expect(vietnamDateTime('2026-12-01T01:00:00Z', 'en-GB')).toContain('08:00:00');
  });
});
