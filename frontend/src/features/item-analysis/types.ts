/** `GET /api/admin/contests/{slug}/item-analysis` (docs/api.md). */
export type ItemFlag = 'TOO_EASY' | 'TOO_HARD' | 'NEGATIVE_DISCRIMINATION' | 'UNUSED_DISTRACTOR' | 'MAYBE_WRONG_KEY';

/** Options "1".."4" and "none". */
export type OptionCounts = Record<'1' | '2' | '3' | '4' | 'none', number>;

export interface Item {
  questionId: number;
  code: string;
  chapter: number;
  article: number;
  text: string;
  correctOption: number;
  active: boolean;
  drawn: number;
  /** Absent when never drawn. */
  facility?: number;
  /** Absent when right/wrong or the rest score does not vary. */
  discrimination?: number;
  optionCounts: OptionCounts;
  topQuarter: { attempts: number; optionCounts: OptionCounts };
  flags: ItemFlag[];
}

export interface ItemAnalysis {
  contest: string;
  /** Absent for the whole contest. */
  round?: number;
  attempts: number;
  computedAt: string;
  items: Item[];
}
