import { ApiError, NetworkError } from '../../lib/api-client';
import type { ExamQuestion } from '../../lib/api-types';

/**
 * The submission body, serialized once: questions in exam order, unanswered ones with a
 * null option, the prediction only when given. The server returns the same result for the
 * same body, so every retry sends exactly this string.
 */
export function submissionBody(questions: ExamQuestion[], answers: Record<string, number>, prediction: string): string {
  const body: { answers: { questionId: number; optionId: number | null }[]; prediction?: number } = {
    answers: questions.map((q) => ({ questionId: q.id, optionId: answers[q.id] ?? null })),
  };
  if (predictionValue(prediction) !== null) {
    body.prediction = predictionValue(prediction) as number;
  }
  return JSON.stringify(body);
}

/** The largest prediction the server takes (docs/api.md). */
export const MAX_PREDICTION = 100_000_000;

/** A whole number from 0 to {@link MAX_PREDICTION}, or null (blank or not one). */
export function predictionValue(input: string): number | null {
  const trimmed = input.trim();
  if (!/^\d{1,9}$/.test(trimmed)) {
    return null;
  }
  const value = Number(trimmed);
  return value <= MAX_PREDICTION ? value : null;
}

export function isRetryable(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiError && error.retryable);
}

export interface RetryOptions {
  /** waits between tries; one try more than there are delays */
  delaysMs?: number[];
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (attempt: number, error: unknown) => void;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends `body` until it is answered or a refusal that a retry cannot change. */
export async function sendWithRetry<T>(
  send: (body: string) => Promise<T>,
  body: string,
  options: RetryOptions = {},
): Promise<T> {
  const delays = options.delaysMs ?? [1000, 2000, 3000, 5000, 5000];
  const sleep = options.sleep ?? sleepFor;
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(body);
    } catch (error) {
      if (!isRetryable(error) || attempt >= delays.length) {
        throw error;
      }
      options.onRetry?.(attempt + 1, error);
      await sleep(delays[attempt]);
    }
  }
}
