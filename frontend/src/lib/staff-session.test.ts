import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, csrfHeader, problemOf } from './api-client';
import { LOGIN_PATIENCE_MS, sectionsOf, signIn } from './staff-session';

afterEach(() => {
  vi.unstubAllGlobals();
});

const busy = () =>
  new Response(JSON.stringify({ status: 503, code: 'LOGIN_BUSY', title: 'Đang có nhiều người đăng nhập' }), {
    status: 503,
    headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '2' },
  });

/** The server: 401 for the session (no one yet), then the given answers to the logins in turn. */
function server(...logins: Array<() => Response>) {
  const fetch = vi.fn(async (path: string, init?: RequestInit) => {
    if ((init?.method ?? 'GET') === 'GET') return new Response('{"code":"UNAUTHENTICATED"}', { status: 401 });
    const next = logins.shift();
    if (!next) throw new Error(`unexpected ${path}`);
    return next();
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('signIn', () => {
  it('sends the login again after each LOGIN_BUSY, waiting Retry-After and up to a second more', async () => {
    const fetch = server(busy, busy, () => new Response('{"username":"btc","roles":["ORGANIZER"]}', { status: 200 }));
    const slept: number[] = [];
    const told: Array<[number, number]> = [];
    const staff = await signIn('btc', 'secret', {
      sleep: async (ms) => {
        slept.push(ms);
      },
      random: () => 0.5,
      onBusy: (waitMs, nextTry) => told.push([waitMs, nextTry]),
    });
    expect(staff).toEqual({ username: 'btc', roles: ['ORGANIZER'] });
    expect(slept).toEqual([2500, 2500]);
    expect(told).toEqual([
      [2500, 2],
      [2500, 3],
    ]);
    expect(fetch.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(3);
  });

  it("gives up once it would wait longer than its patience, with the server's problem", async () => {
    const tries = Math.floor(LOGIN_PATIENCE_MS / 2000) + 1;
    server(...Array.from({ length: tries }, () => busy));
    const slept: number[] = [];
    const error = await signIn('btc', 'secret', {
      sleep: async (ms) => {
        slept.push(ms);
      },
      random: () => 0,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'LOGIN_BUSY', retryAfterMs: 2000 });
    expect(slept).toEqual(Array.from({ length: tries - 1 }, () => 2000));
    expect(slept.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(LOGIN_PATIENCE_MS);
  });

  it('does not send a wrong password again', async () => {
    const fetch = server(() => new Response('{"status":401,"code":"LOGIN_FAILED"}', { status: 401 }));
    const sleep = vi.fn(async () => {});
    await expect(signIn('btc', 'wrong', { sleep })).rejects.toMatchObject({ status: 401, code: 'LOGIN_FAILED' });
    expect(sleep).not.toHaveBeenCalled();
    expect(fetch.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(1);
  });
});

describe('problemOf', () => {
  it("keeps Retry-After's seconds, and ignores a date or nonsense", () => {
    expect(problemOf(503, '', '5').retryAfterMs).toBe(5000);
    expect(problemOf(503, '', ' 2 ').retryAfterMs).toBe(2000);
    expect(problemOf(503, '', 'Wed, 21 Oct 2026 07:28:00 GMT').retryAfterMs).toBeUndefined();
    expect(problemOf(503, '', '-1').retryAfterMs).toBeUndefined();
    expect(problemOf(503, '').retryAfterMs).toBeUndefined();
  });
});

describe('csrfHeader', () => {
  it('sends the XSRF-TOKEN cookie back as X-XSRF-TOKEN', () => {
    expect(csrfHeader('theme=dark; XSRF-TOKEN=ab%2Fcd-12; other=1')).toEqual({ 'X-XSRF-TOKEN': 'ab/cd-12' });
  });

  it('sends nothing without the cookie, as on the citizen pages', () => {
    expect(csrfHeader('')).toEqual({});
    expect(csrfHeader('NOT-XSRF-TOKEN=x')).toEqual({});
  });
});

describe('sectionsOf', () => {
  it('shows each role its pages', () => {
    expect(sectionsOf({ username: 'a', roles: ['ORGANIZER'] })).toEqual({
      manage: true,
      committee: false,
      accounts: false,
    });
    expect(sectionsOf({ username: 'b', roles: ['COMMITTEE'] })).toEqual({
      manage: false,
      committee: true,
      accounts: false,
    });
    expect(sectionsOf({ username: 'c', roles: ['ADMIN'] })).toEqual({ manage: true, committee: true, accounts: true });
  });
});
