import type { ExamQuestion } from '../../lib/api-types';
import { attemptDataKey } from '../../lib/attempt-session';

/**
 * What a participant has done in an attempt, kept in localStorage under the attempt id, so
 * a reload or a lost connection loses nothing: answers, prediction, current question, and
 * the submission once it is fixed (a retry after a reload sends the very same body). How
 * long it is kept is lib/attempt-session.ts's rule: until the attempt is submitted or expires.
 */
export interface StoredExam {
  answers: Record<string, number>;
  prediction: string;
  current: number;
  /** the submission body as sent, once the participant (or the timer) submitted */
  pendingSubmission?: string;
  /** the questions, so a reload without network can still show them */
  questions?: ExamQuestion[];
  predictionQuestion?: string | null;
  deadline?: string;
  offsetMs?: number;
}

export class ExamStorage {
  private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

  constructor(storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {
    this.storage = storage ?? localStorage;
  }

  load(attemptId: string): StoredExam {
    const empty: StoredExam = { answers: {}, prediction: '', current: 0 };
    try {
      const raw = this.storage.getItem(attemptDataKey(attemptId));
      return raw ? { ...empty, ...(JSON.parse(raw) as Partial<StoredExam>) } : empty;
    } catch {
      return empty;
    }
  }

  save(attemptId: string, exam: StoredExam): void {
    try {
      this.storage.setItem(attemptDataKey(attemptId), JSON.stringify(exam));
    } catch {
      // storage full or disabled: the exam goes on in memory
    }
  }

  update(attemptId: string, change: Partial<StoredExam>): StoredExam {
    const next = { ...this.load(attemptId), ...change };
    this.save(attemptId, next);
    return next;
  }

  remove(attemptId: string): void {
    this.storage.removeItem(attemptDataKey(attemptId));
  }
}
