import { api, ApiError, type RequestOptions } from './api-client';
import type { StaffScope } from './staff-scope';

/** The logged-in staff account, as `GET /api/session` answers. */
export interface Staff {
  username: string;
  roles: Array<'ORGANIZER' | 'COMMITTEE' | 'ADMIN'>;
  /** The contests (and units) it sees; `null` or absent: every contest. */
  scope?: StaffScope | null;
}

/**
 * Who is logged in, or `null`. Also makes the server set the CSRF cookie that every
 * change of the staff API sends back.
 */
export async function currentStaff(): Promise<Staff | null> {
  try {
    return await api<Staff>('/api/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** How a sign-in waits while the server is busy checking other passwords. */
export interface SignInOptions {
  /** Told before each wait: how long, and which try comes next (2, 3, …). */
  onBusy?: (waitMs: number, nextTry: number) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * How long a login answered `503 LOGIN_BUSY` keeps being sent again, in ms of waiting:
 * about what a person waits for a page saying it is trying by itself, and long enough
 * for a small server to hash the first morning's sign-ins in turn.
 */
export const LOGIN_PATIENCE_MS = 90_000;

/**
 * Logs in: the server keeps the session (an HttpOnly cookie the page never reads); the
 * password is not kept anywhere in the browser. When every password-hashing thread is
 * busy (hundreds of organizers signing in on a campaign's first morning) the server
 * answers `503 LOGIN_BUSY` at once, without counting a failure: the login is sent again
 * after its `Retry-After` and up to a second more, so that the waiting pages do not all
 * come back in the same instant, for {@link LOGIN_PATIENCE_MS} at most.
 */
export async function signIn(username: string, password: string, options: SignInOptions = {}): Promise<Staff> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  await currentStaff(); // the CSRF cookie, before the first change
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await api<Staff>('/api/session', { method: 'POST', body: { username, password } });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'LOGIN_BUSY')) throw error;
      const waitMs = (error.retryAfterMs ?? 2000) + Math.floor(random() * 1000);
      if (waited + waitMs > LOGIN_PATIENCE_MS) throw error;
      options.onBusy?.(waitMs, attempt + 1);
      await sleep(waitMs);
      waited += waitMs;
    }
  }
}

export async function signOut(): Promise<void> {
  try {
    await api('/api/session', { method: 'DELETE' });
  } catch {
    // already over
  }
}

/** What a role is shown; the server checks every request anyway (403 FORBIDDEN). */
export function sectionsOf(staff: Staff): { manage: boolean; committee: boolean; accounts: boolean } {
  const has = (role: Staff['roles'][number]) => staff.roles.includes(role);
  return {
    manage: has('ORGANIZER') || has('ADMIN'),
    committee: has('COMMITTEE') || has('ADMIN'),
    accounts: has('ADMIN'),
  };
}

/** The admin API in this browser's staff session; a 401 (session over) signs out. */
export function adminApi(onUnauthorized: () => void) {
  return async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
    try {
      return await api<T>(path, options);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        onUnauthorized();
      }
      throw error;
    }
  };
}
