/**
 * The credentials of a citizen's attempts (id, token, contest), kept in localStorage so a
 * reload, a crash or a lost connection does not lose the attempt.
 */
export interface AttemptSession {
  attemptId: string;
  token: string;
  slug: string;
  startedAt: string;
  submitted?: boolean;
}

const KEY = 'civiquiz.attempts';

function readAll(storage: Storage): AttemptSession[] {
  try {
    const parsed = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

export function saveAttemptSession(session: AttemptSession, storage: Storage = localStorage): void {
  const others = readAll(storage).filter((s) => s.attemptId !== session.attemptId);
  // the latest first; a phone keeps a handful at most
  storage.setItem(KEY, JSON.stringify([session, ...others].slice(0, 10)));
}

export function attemptSession(attemptId: string, storage: Storage = localStorage): AttemptSession | undefined {
  return readAll(storage).find((s) => s.attemptId === attemptId);
}

export function latestAttemptSession(slug: string, storage: Storage = localStorage): AttemptSession | undefined {
  return readAll(storage).find((s) => s.slug === slug);
}

export function markSubmitted(attemptId: string, storage: Storage = localStorage): void {
  const session = attemptSession(attemptId, storage);
  if (session && !session.submitted) {
    saveAttemptSession({ ...session, submitted: true }, storage);
  }
}
