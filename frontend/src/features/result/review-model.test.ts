import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { optionLetter, romanNumeral } from '../../lib/format';
import { type ChapterSummary, reviewPending, weakestChapter } from './review-model';

function chapter(n: number, correct: number, total: number): ChapterSummary {
  return { chapter: n, title: `Chương ${n}`, correct, total, firstArticle: 1, lastArticle: 2 };
}

describe('review', () => {
  it('names the chapter with the lowest share of right answers', () => {
    expect(weakestChapter([chapter(1, 3, 3), chapter(4, 1, 3), chapter(5, 2, 4)])?.chapter).toBe(4);
  });

  it('breaks a tie by more wrong answers, then by the earlier chapter', () => {
    expect(weakestChapter([chapter(2, 1, 2), chapter(5, 2, 4)])?.chapter).toBe(5);
    expect(weakestChapter([chapter(6, 0, 1), chapter(3, 0, 1)])?.chapter).toBe(3);
  });

  it('names none when every answer was right', () => {
    expect(weakestChapter([chapter(1, 3, 3), chapter(2, 2, 2)])).toBeUndefined();
  });

  it('reads when the review will come from the refusal', () => {
    const later = new ApiError(403, { code: 'REVIEW_NOT_AVAILABLE', availableAt: '2026-12-31T17:00:15Z' } as never);
    expect(reviewPending(later)).toEqual({ availableAt: '2026-12-31T17:00:15Z' });
    const never = new ApiError(403, { code: 'REVIEW_NOT_AVAILABLE', availableAt: null } as never);
    expect(reviewPending(never)).toEqual({ availableAt: null });
    expect(reviewPending(new ApiError(409, { code: 'ATTEMPT_NOT_SUBMITTED' }))).toBeUndefined();
  });

  it('numbers chapters as the law does and options by letter', () => {
    expect([1, 4, 5, 9, 12].map(romanNumeral)).toEqual(['I', 'IV', 'V', 'IX', 'XII']);
    expect([0, 3].map(optionLetter)).toEqual(['A', 'D']);
  });
});
