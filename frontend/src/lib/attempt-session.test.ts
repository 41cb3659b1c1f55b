import { describe, expect, it } from 'vitest';
import {
  attemptDataKey,
  attemptExpiry,
  attemptSession,
  EXPIRY_MARGIN_MS,
  forgetAttempt,
  forgetContest,
  forgetThisDevice,
  latestAttemptSession,
  markSubmitted,
  saveAttemptSession,
  sweepAttempts,
  type AttemptSession,
  type DeviceStores,
} from './attempt-session';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

function device(): DeviceStores & { kept: Storage; tab: Storage } {
  return { kept: memoryStorage(), tab: memoryStorage() };
}

function contents(storage: Storage): Record<string, string> {
  const all: Record<string, string> = {};
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)!;
    all[key] = storage.getItem(key)!;
  }
  return all;
}

const NOW = Date.parse('2026-03-02T08:00:00Z');

function session(
  attemptId: string,
  slug = 'luat-htx-2023',
  expiresAt: number | undefined = NOW + 20 * 60_000,
): AttemptSession {
  return { attemptId, token: `token-${attemptId}`, slug, startedAt: new Date(NOW).toISOString(), expiresAt };
}

describe('attempt credentials on this device', () => {
  it('keeps an unfinished attempt, and its answers, across a reload', () => {
    const stores = device();
    saveAttemptSession(session('a1'), stores);
    stores.kept.setItem(attemptDataKey('a1'), '{"answers":{"7":2}}');

    sweepAttempts(NOW + 5 * 60_000, stores);

    expect(attemptSession('a1', stores)?.token).toBe('token-a1');
    expect(latestAttemptSession('luat-htx-2023', stores)?.attemptId).toBe('a1');
    expect(stores.kept.getItem(attemptDataKey('a1'))).toBe('{"answers":{"7":2}}');
    expect(contents(stores.tab)).toEqual({});
  });

  it('moves a submitted attempt to this tab only and drops its answers', () => {
    const stores = device();
    saveAttemptSession(session('a1'), stores);
    stores.kept.setItem(attemptDataKey('a1'), '{"answers":{}}');

    markSubmitted('a1', stores);

    expect(contents(stores.kept)).toEqual({});
    expect(stores.tab.getItem('civiquiz.finished')).toContain('token-a1');
    // the result page still finds it (a reload of the tab), as submitted
    expect(attemptSession('a1', stores)).toMatchObject({ token: 'token-a1', submitted: true });
    expect(latestAttemptSession('luat-htx-2023', stores)?.submitted).toBe(true);
    // another tab, or the browser opened again, finds nothing
    expect(attemptSession('a1', { kept: stores.kept, tab: memoryStorage() })).toBeUndefined();
  });

  it('offers the unfinished attempt of a contest before a finished one', () => {
    const stores = device();
    saveAttemptSession(session('a1'), stores);
    markSubmitted('a1', stores);
    saveAttemptSession(session('a2'), stores);

    expect(latestAttemptSession('luat-htx-2023', stores)?.attemptId).toBe('a2');
    expect(latestAttemptSession('other', stores)).toBeUndefined();
  });

  it('forgets an attempt once it can no longer be submitted', () => {
    const stores = device();
    const deadline = NOW + 20 * 60_000;
    saveAttemptSession(session('a1', 'luat-htx-2023', deadline + EXPIRY_MARGIN_MS), stores);
    stores.kept.setItem(attemptDataKey('a1'), '{"answers":{}}');

    sweepAttempts(deadline + EXPIRY_MARGIN_MS - 1, stores);
    expect(attemptSession('a1', stores)).toBeDefined();

    sweepAttempts(deadline + EXPIRY_MARGIN_MS + 1, stores);
    expect(attemptSession('a1', stores)).toBeUndefined();
    expect(contents(stores.kept)).toEqual({});
  });

  it('cleans up what an earlier version kept: submitted attempts, undated old ones, stray answers', () => {
    const stores = device();
    const old = (attemptId: string, startedAt: number, submitted?: boolean) => ({
      attemptId,
      token: `token-${attemptId}`,
      slug: 'luat-htx-2023',
      startedAt: new Date(startedAt).toISOString(),
      ...(submitted ? { submitted } : {}),
    });
    stores.kept.setItem(
      'civiquiz.attempts',
      JSON.stringify([
        old('recent', NOW - 60_000),
        old('done', NOW - 60_000, true),
        old('stale', NOW - 25 * 3_600_000),
      ]),
    );
    stores.kept.setItem(attemptDataKey('recent'), '{}');
    stores.kept.setItem(attemptDataKey('stale'), '{}');
    stores.kept.setItem(attemptDataKey('orphan'), '{}');
    stores.kept.setItem('civiquiz.device', 'd0c7e3f1-0000-4000-8000-000000000000');

    sweepAttempts(NOW, stores);

    expect((JSON.parse(stores.kept.getItem('civiquiz.attempts')!) as AttemptSession[]).map((s) => s.attemptId)).toEqual(
      ['recent'],
    );
    expect(Object.keys(contents(stores.kept)).sort()).toEqual([
      'civiquiz.attempts',
      'civiquiz.device',
      attemptDataKey('recent'),
    ]);
  });

  it('forgets an expired attempt on request', () => {
    const stores = device();
    saveAttemptSession(session('a1'), stores);
    saveAttemptSession(session('a2'), stores);
    stores.kept.setItem(attemptDataKey('a1'), '{}');

    forgetAttempt('a1', stores);

    expect(attemptSession('a1', stores)).toBeUndefined();
    expect(stores.kept.getItem(attemptDataKey('a1'))).toBeNull();
    expect(attemptSession('a2', stores)).toBeDefined();
  });

  it('forgets everything of a contest seen closed, and only of that one', () => {
    const stores = device();
    saveAttemptSession(session('a1', 'closed'), stores);
    markSubmitted('a1', stores);
    saveAttemptSession(session('a2', 'closed'), stores);
    stores.kept.setItem(attemptDataKey('a2'), '{}');
    saveAttemptSession(session('b1', 'open'), stores);
    stores.kept.setItem(attemptDataKey('b1'), '{}');

    forgetContest('closed', stores);

    expect(latestAttemptSession('closed', stores)).toBeUndefined();
    expect(stores.kept.getItem(attemptDataKey('a2'))).toBeNull();
    expect(contents(stores.tab)).toEqual({});
    expect(attemptSession('b1', stores)).toBeDefined();
    expect(stores.kept.getItem(attemptDataKey('b1'))).toBe('{}');
  });

  it('"forget me" removes every key of Civiquiz in both storages, and nothing else', () => {
    const stores = device();
    saveAttemptSession(session('a1'), stores);
    markSubmitted('a1', stores);
    saveAttemptSession(session('a2'), stores);
    stores.kept.setItem(attemptDataKey('a2'), '{}');
    stores.kept.setItem('civiquiz.device', 'd0c7e3f1-0000-4000-8000-000000000000');
    stores.kept.setItem('civiquiz.locale', 'en');
    stores.kept.setItem('another-site-on-this-origin', 'kept');

    forgetThisDevice(stores);

    expect(contents(stores.kept)).toEqual({ 'another-site-on-this-origin': 'kept' });
    expect(contents(stores.tab)).toEqual({});
  });

  it('goes on when storage is disabled', () => {
    const broken = memoryStorage();
    broken.getItem = () => {
      throw new Error('SecurityError');
    };
    broken.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const stores = { kept: broken, tab: broken };
    expect(() => saveAttemptSession(session('a1'), stores)).not.toThrow();
    expect(attemptSession('a1', stores)).toBeUndefined();
    expect(() => sweepAttempts(NOW, stores)).not.toThrow();
    expect(() => forgetThisDevice({ kept: undefined, tab: undefined })).not.toThrow();
  });

  it('dates the expiry by the server clock, whatever this clock says', () => {
    // this device's clock is an hour behind the server's
    const receivedAt = NOW - 3_600_000;
    const expiry = attemptExpiry(
      { serverTime: new Date(NOW).toISOString(), deadline: new Date(NOW + 20 * 60_000).toISOString() },
      receivedAt,
    );
    expect(expiry).toBe(receivedAt + 20 * 60_000 + EXPIRY_MARGIN_MS);
  });
});
