import { api, ApiError, NetworkError, type RequestOptions } from '../../lib/api-client';
import type { AttemptStarted } from '../../lib/api-types';

/** Where the entrant stands in the waiting room's line. */
export interface WaitingPlace {
  position: number;
  estimatedWaitSeconds: number;
}

/** The room's answer to a poll (`GET /api/contests/{slug}/waiting-room/{ticket}`). */
interface TicketPlace extends Partial<WaitingPlace> {
  admitted: boolean;
  retryAfterMs?: number;
}

export interface StartOptions {
  slug: string;
  /** The registration, as the form serialized it. */
  body: unknown;
  deviceId: string;
  /** One per press of the start button: every retry of that press sends it again. */
  idempotencyKey: string;
  /** A place in the line while waiting; null once the start went through. */
  onWaiting: (place: WaitingPlace | null) => void;
  signal?: AbortSignal;
  /** For tests: the page's timers and API client. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  request?: <T>(path: string, options?: RequestOptions) => Promise<T>;
}

/** Retries of a start that got no answer or a server's failure, with their pauses (ms). */
export const RETRY_PAUSES = [1000, 2000, 4000, 8000];

/**
 * Starts an attempt as the page does: with the press's `Idempotency-Key` on every try, so
 * that a start whose answer was lost, sent again, answers the attempt it started (200)
 * instead of "an attempt is in progress". When the app is busy the start gets a place in
 * the waiting room's line (`503 WAITING_ROOM`): the ticket is polled when the room says,
 * and once admitted the start is sent again with it. No answer, or a server's failure, is
 * retried a few times; anything else (the form's errors) is thrown for the page to show.
 */
export async function startAttempt(options: StartOptions): Promise<AttemptStarted> {
  const request = options.request ?? api;
  const sleep = options.sleep ?? pause;
  const slug = encodeURIComponent(options.slug);
  let ticket: string | undefined;
  let failures = 0;
  for (;;) {
    try {
      const headers: Record<string, string> = {
        'X-Device-Id': options.deviceId,
        'Idempotency-Key': options.idempotencyKey,
      };
      if (ticket) headers['X-Waiting-Room-Ticket'] = ticket;
      const started = await request<AttemptStarted>(`/api/contests/${slug}/attempts`, {
        method: 'POST',
        body: options.body,
        headers,
        signal: options.signal,
      });
      options.onWaiting(null);
      return started;
    } catch (failure) {
      if (options.signal?.aborted) throw failure;
      if (failure instanceof ApiError && failure.code === 'WAITING_ROOM') {
        ticket = String(failure.members.ticket);
        options.onWaiting(placeOf(failure.members));
        await waitForTurn(options, request, sleep, slug, ticket, retryAfter(failure.members.retryAfterMs));
        continue;
      }
      if (worthRetrying(failure) && failures < RETRY_PAUSES.length) {
        await sleep(RETRY_PAUSES[failures++], options.signal);
        continue;
      }
      throw failure;
    }
  }
}

/** Polls the ticket until it is admitted; a failed poll is tried again a little later. */
async function waitForTurn(
  options: StartOptions,
  request: NonNullable<StartOptions['request']>,
  sleep: NonNullable<StartOptions['sleep']>,
  slug: string,
  ticket: string,
  firstPause: number,
): Promise<void> {
  let delay = firstPause;
  for (;;) {
    await sleep(delay, options.signal);
    try {
      const place = await request<TicketPlace>(`/api/contests/${slug}/waiting-room/${encodeURIComponent(ticket)}`, {
        signal: options.signal,
      });
      if (place.admitted) return;
      options.onWaiting(placeOf(place));
      delay = retryAfter(place.retryAfterMs);
    } catch (failure) {
      if (options.signal?.aborted || !worthRetrying(failure)) throw failure;
      delay = 2000;
    }
  }
}

function worthRetrying(failure: unknown): boolean {
  return failure instanceof NetworkError || (failure instanceof ApiError && failure.status >= 500);
}

function placeOf(problem: Record<string, unknown> | TicketPlace): WaitingPlace {
  const values = problem as Record<string, unknown>;
  return {
    position: Number(values.position) || 1,
    estimatedWaitSeconds: Math.max(0, Number(values.estimatedWaitSeconds) || 0),
  };
}

/** The room's pause, kept within half a second and a minute whatever it says. */
function retryAfter(ms: unknown): number {
  const value = Number(ms);
  return Number.isFinite(value) ? Math.min(60_000, Math.max(500, value)) : 2000;
}

/**
 * The estimated wait in words' parts: under a minute, or whole minutes (rounded up), so
 * that a figure that moves by seconds does not keep changing on the screen.
 */
export function waitMinutes(seconds: number): number {
  return seconds < 60 ? 0 : Math.ceil(seconds / 60);
}

/**
 * A pause that ends early when the page is shown again: a phone that slept with the page
 * in the background asks for its place at once when it wakes.
 */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
      signal?.removeEventListener('abort', onAbort);
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    const onVisible = () => {
      if (document.visibilityState === 'visible') {
        done();
        resolve();
      }
    };
    const onAbort = () => {
      done();
      reject(new DOMException('Aborted', 'AbortError'));
    };
    document.addEventListener('visibilitychange', onVisible);
    signal?.addEventListener('abort', onAbort);
  });
}
