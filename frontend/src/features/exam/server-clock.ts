/**
 * The exam's countdown follows the server's deadline, not the phone's clock: the offset
 * between the server's time (sent with every attempt) and the local clock corrects it.
 */

/** serverTime − the local time the server read it (ms); add it to Date.now(). */
export function clockOffset(serverTime: string, receivedAtMs: number): number {
  return Date.parse(serverTime) - receivedAtMs;
}

export function remainingMs(deadline: string, offsetMs: number, nowMs: number): number {
  return Math.max(0, Date.parse(deadline) - (nowMs + offsetMs));
}

/** The minutes (and last seconds) at which a screen reader hears the time left. */
const ANNOUNCE_AT_SECONDS = [30 * 60, 20 * 60, 15 * 60, 10 * 60, 5 * 60, 2 * 60, 60, 30, 10];

/**
 * The threshold just crossed, if it was not announced yet: a live region speaks a few
 * times during the exam, never every second.
 */
export function announcementDue(remaining: number, lastAnnounced: number | null): number | null {
  const seconds = Math.ceil(remaining / 1000);
  const due = ANNOUNCE_AT_SECONDS.filter((threshold) => seconds <= threshold).pop();
  if (due === undefined || due === lastAnnounced || (lastAnnounced !== null && due > lastAnnounced)) {
    return null;
  }
  return due;
}
