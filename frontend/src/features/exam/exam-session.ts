import { ApiError } from '../../lib/api-client';
import type { ExamQuestion, SubmissionResult } from '../../lib/api-types';
import { ExamStorage, type StoredExam } from './exam-storage';
import { clockOffset, remainingMs } from './server-clock';
import { sendWithRetry, submissionBody, type RetryOptions } from './submission';

export interface ExamData {
  attemptId: string;
  deadline: string;
  serverTime: string;
  questions: ExamQuestion[];
  /** the tie-break question asked after the last one; none (null or empty) in practice */
  predictionQuestion: string | null;
}

export type SubmitPhase = 'idle' | 'submitting' | 'retrying' | 'failed' | 'done';

export interface ExamSessionOptions {
  storage?: ExamStorage;
  /** local clock (ms) */
  now?: () => number;
  /**
   * when the server read `serverTime`, by the local clock: the middle of the request's
   * round trip is the best guess (default: now)
   */
  receivedAt?: number;
  send: (body: string) => Promise<SubmissionResult>;
  retry?: RetryOptions;
}

/**
 * One attempt in the browser: answers saved as they are given, the countdown by the
 * server's clock, the submission fixed once and retried unchanged, and the automatic
 * submission when time runs out. No DOM here, so it is unit-tested.
 */
export class ExamSession {
  readonly data: ExamData;
  readonly offsetMs: number;
  private readonly storage: ExamStorage;
  private readonly now: () => number;
  private readonly options: ExamSessionOptions;
  private state: StoredExam;
  private inFlight: Promise<SubmissionResult> | null = null;
  phase: SubmitPhase = 'idle';
  lastError: unknown = null;
  result: SubmissionResult | null = null;
  automatic = false;
  /** tries sent again after a failure, for the page to show */
  retryCount = 0;
  private readonly listeners = new Set<() => void>();

  constructor(data: ExamData, options: ExamSessionOptions) {
    this.data = data;
    this.options = options;
    this.storage = options.storage ?? new ExamStorage();
    this.now = options.now ?? Date.now;
    this.offsetMs = clockOffset(data.serverTime, options.receivedAt ?? this.now());
    this.state = this.storage.update(data.attemptId, {
      questions: data.questions,
      predictionQuestion: data.predictionQuestion,
      deadline: data.deadline,
      offsetMs: this.offsetMs,
    });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener());
  }

  get answers(): Readonly<Record<string, number>> {
    return this.state.answers;
  }

  get prediction(): string {
    return this.state.prediction;
  }

  get current(): number {
    return this.state.current;
  }

  get answeredCount(): number {
    return this.data.questions.filter((q) => this.state.answers[q.id] !== undefined).length;
  }

  /** Fixed once submitted: answers can no longer change. */
  get locked(): boolean {
    return this.state.pendingSubmission !== undefined;
  }

  /** A submission was made (maybe before a reload) and not yet answered. */
  get hasPendingSubmission(): boolean {
    return this.state.pendingSubmission !== undefined && this.phase !== 'done';
  }

  remainingMs(): number {
    return remainingMs(this.data.deadline, this.offsetMs, this.now());
  }

  answer(questionId: number, optionId: number): void {
    if (this.locked) {
      return;
    }
    this.state = this.storage.update(this.data.attemptId, {
      answers: { ...this.state.answers, [questionId]: optionId },
    });
    this.changed();
  }

  setPrediction(value: string): void {
    if (this.locked) {
      return;
    }
    this.state = this.storage.update(this.data.attemptId, { prediction: value });
    this.changed();
  }

  /** Whether the exam ends with the prediction question (practice asks none). */
  get asksPrediction(): boolean {
    return !!this.data.predictionQuestion;
  }

  goTo(index: number): void {
    // the prediction screen, or the last question when there is none
    const last = this.asksPrediction ? this.data.questions.length : this.data.questions.length - 1;
    this.state = this.storage.update(this.data.attemptId, { current: Math.max(0, Math.min(last, index)) });
    this.changed();
  }

  /**
   * Submits: the body is fixed (and stored) on the first call; every later call, after a
   * failure or a reload, sends the same body again.
   */
  submit(): Promise<SubmissionResult> {
    if (this.inFlight) {
      return this.inFlight;
    }
    if (this.state.pendingSubmission === undefined) {
      const body = submissionBody(this.data.questions, this.state.answers, this.state.prediction);
      this.state = this.storage.update(this.data.attemptId, { pendingSubmission: body });
    }
    const body = this.state.pendingSubmission as string;
    this.phase = 'submitting';
    this.lastError = null;
    this.changed();
    this.inFlight = sendWithRetry(this.options.send, body, {
      ...this.options.retry,
      onRetry: (attempt, error) => {
        this.phase = 'retrying';
        this.retryCount = attempt;
        this.lastError = error;
        this.changed();
        this.options.retry?.onRetry?.(attempt, error);
      },
    }).then(
      (result) => {
        this.result = result;
        this.phase = 'done';
        this.inFlight = null;
        this.changed();
        return result;
      },
      (error) => {
        this.phase = 'failed';
        this.lastError = error;
        this.inFlight = null;
        if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
          // refused as malformed, so nothing was stored: the participant may correct it
          this.state = this.storage.update(this.data.attemptId, { pendingSubmission: undefined });
        }
        this.changed();
        throw error;
      },
    );
    return this.inFlight;
  }

  /**
   * Called every second by the page: when time is up, submits what there is. Returns the
   * submission if it started one.
   */
  tick(): Promise<SubmissionResult> | null {
    if (this.remainingMs() > 0 || this.phase !== 'idle' || this.inFlight) {
      return null;
    }
    this.automatic = true;
    const submission = this.submit();
    submission.catch(() => {
      // the page shows the failure and offers a retry
    });
    return submission;
  }

  /** After the server accepted it, nothing is left to keep but the credentials. */
  forget(): void {
    this.storage.remove(this.data.attemptId);
  }
}
