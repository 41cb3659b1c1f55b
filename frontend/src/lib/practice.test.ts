import { describe, expect, it } from 'vitest';
import { attemptsUnlimited, isPractice, splitPractice } from './practice';

describe('practice contests', () => {
  it('is practice only when the server says it ranks nobody', () => {
    expect(isPractice({ ranked: false })).toBe(true);
    expect(isPractice({ ranked: true })).toBe(false);
    expect(isPractice({})).toBe(false);
  });

  it('reads 0 attempts per round as no limit', () => {
    expect(attemptsUnlimited({ maxAttemptsPerRound: 0 })).toBe(true);
    expect(attemptsUnlimited({ maxAttemptsPerRound: 3 })).toBe(false);
  });

  it('lists practice apart, keeping the order of each part', () => {
    const contests = [
      { slug: 'a', ranked: false },
      { slug: 'b' },
      { slug: 'c', ranked: true },
      { slug: 'd', ranked: false },
    ];
    const { ranked, practice } = splitPractice(contests);
    expect(ranked.map((c) => c.slug)).toEqual(['b', 'c']);
    expect(practice.map((c) => c.slug)).toEqual(['a', 'd']);
  });
});
