import { describe, expect, it } from 'vitest';
import { flaggedFirst, letter } from './item-order';
import type { Item, ItemFlag } from './types';

function item(code: string, flags: ItemFlag[]): Item {
  const counts = { '1': 0, '2': 0, '3': 0, '4': 0, none: 0 };
  return {
    questionId: 1,
    code,
    chapter: 1,
    article: 1,
    text: code,
    correctOption: 1,
    active: true,
    drawn: 0,
    optionCounts: counts,
    topQuarter: { attempts: 0, optionCounts: counts },
    flags,
  };
}

describe('flaggedFirst', () => {
  it('puts a wrong key first, then more flags, then the rest by code', () => {
    const sorted = flaggedFirst([
      item('C01', []),
      item('C02', ['TOO_EASY', 'UNUSED_DISTRACTOR']),
      item('C03', ['TOO_HARD']),
      item('C00', []),
      item('C04', ['MAYBE_WRONG_KEY']),
    ]);
    expect(sorted.map((i) => i.code)).toEqual(['C04', 'C02', 'C03', 'C00', 'C01']);
  });

  it('names options by letter', () => {
    expect([1, 2, 3, 4].map(letter)).toEqual(['A', 'B', 'C', 'D']);
  });
});
