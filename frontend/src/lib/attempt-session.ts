/**
 * What the citizen pages keep in this browser, and for how long. Many people may share one
 * computer (a school's, an office's), so only what an attempt still needs is kept:
 *
 * - an unfinished attempt: its credentials (id, token, contest) in localStorage, and what was
 *   done in it under {@link attemptDataKey} (features/exam), so that a reload, a crash or a
 *   lost connection loses nothing; until it is submitted, or its deadline (plus the server's
 *   grace and a margin) has passed;
 * - a submitted attempt: its credentials move to sessionStorage, this tab's only, so that the
 *   result page works on a reload and from the contest page until the tab is closed; its
 *   answers are dropped;
 * - everything of a contest goes as soon as a page sees the contest closed;
 * - {@link forgetThisDevice} ("Quên tôi trên thiết bị này") removes every `civiquiz.` key from
 *   both storages: attempts, answers, the browser's random id (device-id.ts) and the language.
 *
 * Nothing else is kept: the registration form remembers no personal details.
 */
export interface AttemptSession {
  attemptId: string;
  token: string;
  slug: string;
  startedAt: string;
  /** when, by this browser's clock, the attempt can no longer be submitted, with a margin */
  expiresAt?: number;
  submitted?: boolean;
}

/** The two places: `kept` survives the browser (localStorage), `tab` ends with the tab. */
export interface DeviceStores {
  kept: Storage | undefined;
  tab: Storage | undefined;
}

const PREFIX = 'civiquiz.';
const UNFINISHED = `${PREFIX}attempts`;
const FINISHED = `${PREFIX}finished`;
const ATTEMPT_DATA = `${PREFIX}exam.`;

/**
 * After the deadline, the server's grace (15 s by default) and this margin, an unfinished
 * attempt can no longer be submitted: it is forgotten. The margin is long (12 hours) because
 * the expiry is counted on this browser's clock: a school computer whose clock jumps forward
 * when it syncs must not drop an attempt still running.
 */
export const EXPIRY_MARGIN_MS = 12 * 60 * 60_000;

/** Attempts saved before expiresAt existed are forgotten a day after they started. */
const UNDATED_MAX_AGE_MS = 24 * 3_600_000;

function browserStores(): DeviceStores {
  return { kept: reachable(() => globalThis.localStorage), tab: reachable(() => globalThis.sessionStorage) };
}

/** Some browsers throw on the mere access when site data are blocked. */
function reachable(storage: () => Storage): Storage | undefined {
  try {
    return storage();
  } catch {
    return undefined;
  }
}

/** Where features/exam keeps what was done in an attempt. */
export function attemptDataKey(attemptId: string): string {
  return ATTEMPT_DATA + attemptId;
}

/**
 * When, by this browser's clock, a just-started attempt expires: its deadline read on the
 * server's clock (`serverTime` was read at `receivedAt`), plus {@link EXPIRY_MARGIN_MS}.
 */
export function attemptExpiry(started: { deadline: string; serverTime: string }, receivedAt: number): number {
  return receivedAt + (Date.parse(started.deadline) - Date.parse(started.serverTime)) + EXPIRY_MARGIN_MS;
}

function readList(storage: Storage | undefined, key: string): AttemptSession[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? (parsed as AttemptSession[]) : [];
  } catch {
    return [];
  }
}

function writeList(storage: Storage | undefined, key: string, sessions: AttemptSession[]): void {
  try {
    if (sessions.length === 0) {
      storage?.removeItem(key);
    } else {
      storage?.setItem(key, JSON.stringify(sessions));
    }
  } catch {
    // storage full or disabled: the page goes on with what it has in memory
  }
}

function remove(storage: Storage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // disabled: nothing was kept there
  }
}

/** Keeps a started attempt's credentials until it is submitted or expires. */
export function saveAttemptSession(session: AttemptSession, stores: DeviceStores = browserStores()): void {
  const others = readList(stores.kept, UNFINISHED).filter((s) => s.attemptId !== session.attemptId);
  // the latest first; a phone keeps a handful at most
  writeList(stores.kept, UNFINISHED, [{ ...session, submitted: undefined }, ...others].slice(0, 10));
}

export function attemptSession(attemptId: string, stores: DeviceStores = browserStores()): AttemptSession | undefined {
  return (
    readList(stores.kept, UNFINISHED).find((s) => s.attemptId === attemptId) ??
    readList(stores.tab, FINISHED).find((s) => s.attemptId === attemptId)
  );
}

/** The contest's unfinished attempt if there is one, else the one last submitted in this tab. */
export function latestAttemptSession(slug: string, stores: DeviceStores = browserStores()): AttemptSession | undefined {
  return (
    readList(stores.kept, UNFINISHED).find((s) => s.slug === slug) ??
    readList(stores.tab, FINISHED).find((s) => s.slug === slug)
  );
}

/** Submitted: the credentials stay in this tab only, for the result page; the answers go. */
export function markSubmitted(attemptId: string, stores: DeviceStores = browserStores()): void {
  const unfinished = readList(stores.kept, UNFINISHED);
  const session = unfinished.find((s) => s.attemptId === attemptId);
  remove(stores.kept, attemptDataKey(attemptId));
  if (!session) return;
  writeList(
    stores.kept,
    UNFINISHED,
    unfinished.filter((s) => s !== session),
  );
  const finished = readList(stores.tab, FINISHED).filter((s) => s.attemptId !== attemptId);
  writeList(stores.tab, FINISHED, [{ ...session, submitted: true }, ...finished].slice(0, 10));
}

/** An attempt that is over without a result to show (expired): nothing of it is kept. */
export function forgetAttempt(attemptId: string, stores: DeviceStores = browserStores()): void {
  writeList(
    stores.kept,
    UNFINISHED,
    readList(stores.kept, UNFINISHED).filter((s) => s.attemptId !== attemptId),
  );
  writeList(
    stores.tab,
    FINISHED,
    readList(stores.tab, FINISHED).filter((s) => s.attemptId !== attemptId),
  );
  remove(stores.kept, attemptDataKey(attemptId));
}

/**
 * The contest is closed: no attempt of it can still be taken (a deadline is never after the
 * end of its round), so nothing of it is kept, finished or not.
 */
export function forgetContest(slug: string, stores: DeviceStores = browserStores()): void {
  const unfinished = readList(stores.kept, UNFINISHED);
  const finished = readList(stores.tab, FINISHED);
  for (const session of [...unfinished, ...finished]) {
    if (session.slug === slug) remove(stores.kept, attemptDataKey(session.attemptId));
  }
  writeList(
    stores.kept,
    UNFINISHED,
    unfinished.filter((s) => s.slug !== slug),
  );
  writeList(
    stores.tab,
    FINISHED,
    finished.filter((s) => s.slug !== slug),
  );
}

function expired(session: AttemptSession, now: number): boolean {
  if (typeof session.expiresAt === 'number') return session.expiresAt < now;
  const started = Date.parse(session.startedAt);
  return !(started + UNDATED_MAX_AGE_MS >= now);
}

/**
 * Run when the citizen site opens: drops the attempts that can no longer be submitted, the
 * submitted ones an earlier version kept in localStorage, and answers whose attempt is gone.
 */
export function sweepAttempts(now: number = Date.now(), stores: DeviceStores = browserStores()): void {
  const unfinished = readList(stores.kept, UNFINISHED);
  const live = unfinished.filter((s) => !s.submitted && !expired(s, now));
  if (live.length !== unfinished.length) writeList(stores.kept, UNFINISHED, live);
  const liveIds = new Set(live.map((s) => s.attemptId));
  for (const key of keys(stores.kept)) {
    if (key.startsWith(ATTEMPT_DATA) && !liveIds.has(key.slice(ATTEMPT_DATA.length))) remove(stores.kept, key);
  }
}

function keys(storage: Storage | undefined): string[] {
  try {
    if (!storage) return [];
    return Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
      (key): key is string => key !== null,
    );
  } catch {
    return [];
  }
}

/** "Forget me on this device": every key Civiquiz wrote, in both storages. */
export function forgetThisDevice(stores: DeviceStores = browserStores()): void {
  for (const storage of [stores.kept, stores.tab]) {
    for (const key of keys(storage)) {
      if (key.startsWith(PREFIX)) remove(storage, key);
    }
  }
}
