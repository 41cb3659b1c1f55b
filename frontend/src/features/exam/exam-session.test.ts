import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../../lib/api-client';
import type { SubmissionResult } from '../../lib/api-types';
import { ExamSession, type ExamData } from './exam-session';
import { ExamStorage } from './exam-storage';
import { announcementDue, clockOffset, remainingMs } from './server-clock';
import { sendWithRetry, submissionBody } from './submission';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const questions = [1, 2, 3].map((id) => ({
  id: id * 10,
  text: `Q${id}`,
  options: [1, 2, 3, 4].map((o) => ({ id: o, text: `O${o}` })),
}));

// the server is 5 minutes ahead of the phone; 20 minutes left by the server's clock
const phoneNow = Date.parse('2026-03-01T08:00:00Z');
const data: ExamData = {
  attemptId: 'a-1',
  serverTime: '2026-03-01T08:05:00Z',
  deadline: '2026-03-01T08:25:00Z',
  questions,
  predictionQuestion: 'How many?',
};

const result: SubmissionResult = {
  attemptId: 'a-1',
  score: 2,
  total: 3,
  durationMs: 60_000,
  submittedAt: '2026-03-01T08:06:00Z',
};

const noWait = { delaysMs: [10, 10, 10], sleep: () => Promise.resolve() };

describe('server clock', () => {
  it('counts down by the server clock, not the phone clock', () => {
    const offset = clockOffset(data.serverTime, phoneNow);
    expect(offset).toBe(5 * 60_000);
    expect(remainingMs(data.deadline, offset, phoneNow)).toBe(20 * 60_000);
    expect(remainingMs(data.deadline, offset, phoneNow + 19 * 60_000)).toBe(60_000);
    expect(remainingMs(data.deadline, offset, phoneNow + 30 * 60_000)).toBe(0);
  });

  it('the session uses the offset measured when the answer arrived', () => {
    let now = phoneNow;
    const session = new ExamSession(data, {
      storage: new ExamStorage(new MemoryStorage()),
      now: () => now,
      send: vi.fn(),
    });
    expect(session.remainingMs()).toBe(20 * 60_000);
    now += 61_000;
    expect(session.remainingMs()).toBe(20 * 60_000 - 61_000);
  });

  it('announces the time left at a few thresholds, not every second', () => {
    const spoken: number[] = [];
    let last: number | null = null;
    for (let ms = 20 * 60_000; ms >= 0; ms -= 1000) {
      const due = announcementDue(ms, last);
      if (due !== null) {
        spoken.push(due);
        last = due;
      }
    }
    expect(spoken).toEqual([1200, 900, 600, 300, 120, 60, 30, 10]);
  });
});

describe('local persistence', () => {
  it('keeps answers, prediction and place per attempt across a reload', () => {
    const storage = new MemoryStorage();
    const first = new ExamSession(data, { storage: new ExamStorage(storage), now: () => phoneNow, send: vi.fn() });
    first.answer(10, 3);
    first.answer(20, 1);
    first.setPrediction('4700');
    first.goTo(2);

    const other = new ExamSession(
      { ...data, attemptId: 'a-2' },
      { storage: new ExamStorage(storage), now: () => phoneNow, send: vi.fn() },
    );
    expect(other.answers).toEqual({});

    // a reload: a new session on the same storage, from GET /api/attempts/{id}
    const reloaded = new ExamSession(
      { ...data, serverTime: '2026-03-01T08:07:00Z' },
      { storage: new ExamStorage(storage), now: () => phoneNow + 120_000, send: vi.fn() },
    );
    expect(reloaded.answers).toEqual({ 10: 3, 20: 1 });
    expect(reloaded.prediction).toBe('4700');
    expect(reloaded.current).toBe(2);
    expect(reloaded.answeredCount).toBe(2);
    expect(new ExamStorage(storage).load('a-1').questions).toEqual(questions);
  });

  it('ends on the prediction screen, or on the last question when practice asks none', () => {
    const asking = new ExamSession(data, { storage: new ExamStorage(new MemoryStorage()), send: vi.fn() });
    asking.goTo(99);
    expect(asking.asksPrediction).toBe(true);
    expect(asking.current).toBe(3);

    for (const none of [null, '']) {
      const practice = new ExamSession(
        { ...data, attemptId: 'p-1', predictionQuestion: none },
        { storage: new ExamStorage(new MemoryStorage()), send: vi.fn() },
      );
      practice.goTo(99);
      expect(practice.asksPrediction).toBe(false);
      expect(practice.current).toBe(2);
    }
  });

  it('goes on in memory when storage is broken or full', () => {
    const broken = {
      getItem: () => '{not json',
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
      removeItem: () => {},
    };
    const session = new ExamSession(data, { storage: new ExamStorage(broken), now: () => phoneNow, send: vi.fn() });
    session.answer(10, 2);
    expect(session.answers).toEqual({ 10: 2 });
  });
});

describe('submission', () => {
  it('lists every question in exam order, unanswered ones as null, and the prediction when given', () => {
    expect(JSON.parse(submissionBody(questions, { 20: 4 }, ' 4700 '))).toEqual({
      answers: [
        { questionId: 10, optionId: null },
        { questionId: 20, optionId: 4 },
        { questionId: 30, optionId: null },
      ],
      prediction: 4700,
    });
    expect(JSON.parse(submissionBody(questions, {}, ''))).not.toHaveProperty('prediction');
    // what the server would refuse is left out, so an automatic submission always goes through
    expect(JSON.parse(submissionBody(questions, {}, '100000001'))).not.toHaveProperty('prediction');
    expect(JSON.parse(submissionBody(questions, {}, '12abc'))).not.toHaveProperty('prediction');
    expect((JSON.parse(submissionBody(questions, {}, '100000000')) as { prediction: number }).prediction).toBe(
      100_000_000,
    );
  });

  it('retries network failures and server errors with the same body, then succeeds', async () => {
    const bodies: string[] = [];
    const send = vi.fn(async (body: string) => {
      bodies.push(body);
      if (bodies.length === 1) throw new NetworkError(new TypeError('Failed to fetch'));
      if (bodies.length === 2) throw new ApiError(503, { code: 'TEMPORARILY_UNAVAILABLE' });
      return result;
    });
    const session = new ExamSession(data, {
      storage: new ExamStorage(new MemoryStorage()),
      now: () => phoneNow,
      send,
      retry: noWait,
    });
    session.answer(10, 1);
    await expect(session.submit()).resolves.toEqual(result);
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies).size).toBe(1);
    expect(session.phase).toBe('done');
  });

  it('does not retry a refusal that a retry cannot change', async () => {
    const send = vi.fn(async () => {
      throw new ApiError(409, { code: 'ATTEMPT_EXPIRED' });
    });
    await expect(sendWithRetry(send, '{}', noWait)).rejects.toMatchObject({ code: 'ATTEMPT_EXPIRED' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('keeps the body fixed once submitted: later answers, a manual retry and a reload send the same one', async () => {
    const storage = new MemoryStorage();
    const bodies: string[] = [];
    const failing = vi.fn(async (body: string) => {
      bodies.push(body);
      throw new NetworkError(new TypeError('offline'));
    });
    const session = new ExamSession(data, {
      storage: new ExamStorage(storage),
      now: () => phoneNow,
      send: failing,
      retry: noWait,
    });
    session.answer(10, 2);
    session.setPrediction('12');
    await expect(session.submit()).rejects.toBeInstanceOf(NetworkError);
    expect(session.phase).toBe('failed');
    session.answer(20, 3); // ignored: the submission is fixed
    await expect(session.submit()).rejects.toBeInstanceOf(NetworkError);

    const succeeding = vi.fn(async (body: string) => {
      bodies.push(body);
      return result;
    });
    const reloaded = new ExamSession(data, {
      storage: new ExamStorage(storage),
      now: () => phoneNow,
      send: succeeding,
      retry: noWait,
    });
    expect(reloaded.hasPendingSubmission).toBe(true);
    await reloaded.submit();
    expect(new Set(bodies)).toEqual(new Set([submissionBody(questions, { 10: 2 }, '12')]));
    expect(bodies.length).toBe(9);
  });

  it('unlocks the answers when the server refuses the body as malformed (nothing was stored)', async () => {
    const send = vi.fn(async () => {
      throw new ApiError(400, {
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'prediction', code: 'PREDICTION_INVALID', message: '…' }],
      });
    });
    const session = new ExamSession(data, {
      storage: new ExamStorage(new MemoryStorage()),
      now: () => phoneNow,
      send,
      retry: noWait,
    });
    await expect(session.submit()).rejects.toBeInstanceOf(ApiError);
    expect(session.locked).toBe(false);
    session.answer(10, 4);
    expect(session.answers).toEqual({ 10: 4 });
  });

  it('sends one request when submit is called twice', async () => {
    let resolve: (value: SubmissionResult) => void = () => {};
    const send = vi.fn(() => new Promise<SubmissionResult>((r) => (resolve = r)));
    const session = new ExamSession(data, { storage: new ExamStorage(new MemoryStorage()), now: () => phoneNow, send });
    const first = session.submit();
    const second = session.submit();
    resolve(result);
    expect(await first).toBe(await second);
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('automatic submission at the deadline', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(phoneNow);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('submits what there is when the server deadline passes, once', async () => {
    const send = vi.fn(async () => result);
    const session = new ExamSession(data, { storage: new ExamStorage(new MemoryStorage()), send });
    session.answer(30, 4);
    const ticks: (Promise<SubmissionResult> | null)[] = [];
    const interval = setInterval(() => ticks.push(session.tick()), 1000);

    // by the phone's clock the deadline is 25 minutes away, by the server's 20
    vi.advanceTimersByTime(20 * 60_000 - 1000);
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(session.automatic).toBe(true);
    vi.advanceTimersByTime(5000);
    clearInterval(interval);
    expect(send).toHaveBeenCalledTimes(1);
    expect(ticks.filter((t) => t !== null)).toHaveLength(1);
    await vi.runAllTimersAsync();
    expect(session.phase).toBe('done');
    expect(JSON.parse((send.mock.calls[0] as unknown as [string])[0])).toEqual({
      answers: [
        { questionId: 10, optionId: null },
        { questionId: 20, optionId: null },
        { questionId: 30, optionId: 4 },
      ],
    });
  });
});
