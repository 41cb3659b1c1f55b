import { t } from './messages';

/** A cue in an imported file that gives answers away (docs/api.md): the file is imported all the same. */
export interface ImportWarning {
  code: string;
  questions: string[];
  figures: Record<string, number>;
}

function percent(part: number | undefined, whole: number | undefined): string {
  return whole ? `${Math.round(((part ?? 0) * 100) / whole)}%` : '0%';
}

/** What the organizer reads for a warning, in the page's language; its code for one this page does not know. */
export function importWarningText(warning: ImportWarning): string {
  const f = warning.figures;
  switch (warning.code) {
    case 'NUMERIC_KEY_RANK_SKEW':
      return t('warnRankSkew', {
        n: (f.largest ?? 0) + (f.secondLargest ?? 0) + (f.secondSmallest ?? 0) + (f.smallest ?? 0),
        largest: f.largest ?? 0,
        secondLargest: f.secondLargest ?? 0,
        secondSmallest: f.secondSmallest ?? 0,
        smallest: f.smallest ?? 0,
      });
    case 'ABSOLUTE_WORD_CUE':
      return t('warnAbsoluteCue', { n: warning.questions.length });
    case 'ABSOLUTE_WORD_SKEW':
      return t('warnAbsoluteSkew', {
        wrong: percent(f.wrongWithWord, f.wrongOptions),
        right: percent(f.rightWithWord, f.rightOptions),
      });
    default:
      return t('warnOther', { code: warning.code });
  }
}
