import { ApiError } from '../../lib/api-client';

/** `GET /api/attempts/{id}/review` (docs/api.md). */
export interface AttemptReview {
  attemptId: string;
  score: number;
  total: number;
  questions: ReviewedQuestion[];
  chapters: ChapterSummary[];
}

export interface ReviewedQuestion {
  id: number;
  text: string;
  options: { id: number; text: string }[];
  chosenOptionId: number | null;
  correctOptionId: number;
  correct: boolean;
  explanation: string;
  chapter: number;
  article: number;
  articleTitle: string | null;
  articleText: string | null;
}

export interface ChapterSummary {
  chapter: number;
  title: string | null;
  correct: number;
  total: number;
  firstArticle: number | null;
  lastArticle: number | null;
}

/**
 * The chapter to read again: the lowest share of right answers among those with a wrong
 * one; on a tie, more wrong answers, then the earlier chapter. None when all were right.
 */
export function weakestChapter(chapters: ChapterSummary[]): ChapterSummary | undefined {
  return chapters
    .filter((c) => c.correct < c.total)
    .slice()
    .sort(
      (a, b) =>
        a.correct / a.total - b.correct / b.total ||
        b.total - b.correct - (a.total - a.correct) ||
        a.chapter - b.chapter,
    )[0];
}

/**
 * A refusal for the review's time: when it will come (`null`: never), or undefined for
 * any other error.
 */
export function reviewPending(error: unknown): { availableAt: string | null } | undefined {
  if (error instanceof ApiError && error.code === 'REVIEW_NOT_AVAILABLE') {
    const at = error.members.availableAt;
    return { availableAt: typeof at === 'string' ? at : null };
  }
  return undefined;
}
