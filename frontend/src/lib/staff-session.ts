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

/**
 * Logs in: the server keeps the session (an HttpOnly cookie the page never reads); the
 * password is not kept anywhere in the browser.
 */
export async function signIn(username: string, password: string): Promise<Staff> {
  await currentStaff(); // the CSRF cookie, before the first change
  return api<Staff>('/api/session', { method: 'POST', body: { username, password } });
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
