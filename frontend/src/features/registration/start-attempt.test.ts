import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, type RequestOptions } from '../../lib/api-client';
import type { AttemptStarted } from '../../lib/api-types';
import { startAttempt, waitMinutes, type WaitingPlace } from './start-attempt';

const STARTED = { attemptId: 'a1', token: 't' } as AttemptStarted;

function waitingRoom(ticket: string, position: number, retryAfterMs = 700) {
  return new ApiError(503, {
    code: 'WAITING_ROOM',
    ticket,
    position,
    estimatedWaitSeconds: position * 2,
    retryAfterMs,
  } as Partial<{ code: string }>);
}

/** A scripted server: each call takes the next answer (a value, or an error to throw). */
function server(answers: unknown[]) {
  const calls: { path: string; options?: RequestOptions }[] = [];
  const request = <T>(path: string, options?: RequestOptions): Promise<T> => {
    calls.push({ path, options });
    const answer = answers.shift();
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer as T);
  };
  return { calls, request };
}

function run(answers: unknown[]) {
  const { calls, request } = server(answers);
  const pauses: number[] = [];
  const places: (WaitingPlace | null)[] = [];
  const started = startAttempt({
    slug: 'luat-htx-2023',
    body: { fullName: 'Nguyễn Văn An' },
    deviceId: 'device-1',
    idempotencyKey: 'key-1',
    onWaiting: (place) => places.push(place),
    sleep: (ms) => {
      pauses.push(ms);
      return Promise.resolve();
    },
    request,
  });
  return { started, calls, pauses, places };
}

const headers = (call: { options?: RequestOptions }) => call.options?.headers ?? {};

describe('starting an attempt', () => {
  it('sends the press’s key with the start and every retry of it', async () => {
    const { started, calls, pauses } = run([
      new NetworkError('offline'),
      new ApiError(503, { code: 'TEMPORARILY_UNAVAILABLE' }),
      STARTED,
    ]);
    await expect(started).resolves.toBe(STARTED);
    expect(calls).toHaveLength(3);
    for (const call of calls) {
      expect(call.path).toBe('/api/contests/luat-htx-2023/attempts');
      expect(headers(call)['Idempotency-Key']).toBe('key-1');
      expect(headers(call)['X-Device-Id']).toBe('device-1');
    }
    expect(pauses).toEqual([1000, 2000]);
  });

  it('waits in the line, polls its ticket, and starts with it once admitted', async () => {
    const { started, calls, pauses, places } = run([
      waitingRoom('T1', 40, 5000),
      { admitted: false, position: 12, estimatedWaitSeconds: 24, retryAfterMs: 1200 },
      { admitted: true },
      STARTED,
    ]);
    await expect(started).resolves.toBe(STARTED);
    expect(calls.map((c) => c.path)).toEqual([
      '/api/contests/luat-htx-2023/attempts',
      '/api/contests/luat-htx-2023/waiting-room/T1',
      '/api/contests/luat-htx-2023/waiting-room/T1',
      '/api/contests/luat-htx-2023/attempts',
    ]);
    expect(headers(calls[3])['X-Waiting-Room-Ticket']).toBe('T1');
    expect(headers(calls[3])['Idempotency-Key']).toBe('key-1');
    expect(pauses).toEqual([5000, 1200]);
    expect(places).toEqual([
      { position: 40, estimatedWaitSeconds: 80 },
      { position: 12, estimatedWaitSeconds: 24 },
      null,
    ]);
  });

  it('keeps waiting through a failed poll', async () => {
    const { started, pauses } = run([waitingRoom('T1', 2), new NetworkError('offline'), { admitted: true }, STARTED]);
    await expect(started).resolves.toBe(STARTED);
    expect(pauses).toEqual([700, 2000]);
  });

  it('gives the form’s errors to the page at once, without retrying', async () => {
    const invalid = new ApiError(400, { code: 'VALIDATION_FAILED' });
    const { started, calls } = run([invalid]);
    await expect(started).rejects.toBe(invalid);
    expect(calls).toHaveLength(1);
  });

  it('gives up after a few retries', async () => {
    const down = new ApiError(503, { code: 'TEMPORARILY_UNAVAILABLE' });
    const { started, calls } = run([down, down, down, down, down]);
    await expect(started).rejects.toBe(down);
    expect(calls).toHaveLength(5);
  });

  it('shows a wait in whole minutes', () => {
    expect(waitMinutes(0)).toBe(0);
    expect(waitMinutes(59)).toBe(0);
    expect(waitMinutes(60)).toBe(1);
    expect(waitMinutes(61)).toBe(2);
  });
});
