import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { importWarningText } from './import-warnings';

describe('importWarningText', () => {
  afterEach(() => setLocale('vi'));

  it('words each cue in Vietnamese first, with its figures', () => {
    setLocale('vi');
    const rank = importWarningText({
      code: 'NUMERIC_KEY_RANK_SKEW',
      questions: ['C01-004'],
      figures: { largest: 0, secondLargest: 13, secondSmallest: 15, smallest: 6 },
    });
    expect(rank).toContain('Trong 34 câu');
    expect(rank).toContain('lớn nhất 0 lần');
    expect(rank).toContain('nhỏ nhất 6 lần');
    expect(importWarningText({ code: 'ABSOLUTE_WORD_CUE', questions: ['A', 'B'], figures: {} })).toMatch(/^2 câu/);
    expect(
      importWarningText({
        code: 'ABSOLUTE_WORD_SKEW',
        questions: [],
        figures: { rightWithWord: 4, rightOptions: 168, wrongWithWord: 74, wrongOptions: 504 },
      }),
    ).toContain('15% số phương án sai và 2% số phương án đúng');
  });

  it('speaks English on request and names a code it does not know', () => {
    setLocale('en');
    expect(importWarningText({ code: 'ABSOLUTE_WORD_CUE', questions: ['A'], figures: {} })).toMatch(
      /^Questions.*: 1\.$/,
    );
    expect(importWarningText({ code: 'SOMETHING_NEW', questions: [], figures: {} })).toContain('SOMETHING_NEW');
  });
});
