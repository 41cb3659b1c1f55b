import { ApiError } from '../../lib/api-client';

export interface AnswerSaverOptions {
  /** sends one save (PUT /api/attempts/{id}/answers); keepalive when the page may be going away */
  send: (body: string, keepalive: boolean) => Promise<void>;
  /** local clock (ms) */
  now?: () => number;
  /** how long answers must stay unchanged before they are sent */
  debounceMs?: number;
  /** at least this long between two saves (but those of a hidden page) */
  minIntervalMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** after each save the server answered */
  onSaved?: (at: number) => void;
}

/**
 * Saves the answers on the server as the participant goes (issue 15): after a change,
 * debounced, at most one request every 10 s, and at once when the page is hidden or comes
 * back online. Only the latest answers are sent (a later save replaces an earlier one); a
 * failed save is tried again later with whatever is latest then. Once the server refuses
 * (the attempt was submitted or ran out of time), it stops. No DOM here, so it is
 * unit-tested.
 */
export class AnswerSaver {
  private readonly options: Required<Omit<AnswerSaverOptions, 'onSaved'>> & Pick<AnswerSaverOptions, 'onSaved'>;
  private latest: string | null = null;
  private saved: string | null = null;
  private inFlight = false;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;
  private stopped = false;
  /** when the server last answered a save, by the local clock */
  savedAt: number | null = null;

  constructor(options: AnswerSaverOptions) {
    this.options = {
      now: Date.now,
      debounceMs: 1500,
      minIntervalMs: 10_000,
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  /** The answers changed: `body` is what a submission of them would send. */
  changed(body: string): void {
    if (this.stopped) return;
    this.latest = body;
    if (body !== this.saved) this.schedule();
  }

  /** The page is hidden or back online: sends what is not saved yet, now. */
  flush(keepalive: boolean): void {
    if (this.stopped || this.latest === null || this.latest === this.saved) return;
    if (this.inFlight && !keepalive) return;
    this.cancelTimer();
    void this.send(keepalive);
  }

  /** The attempt is being submitted, or the page leaves: no more saves. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  private schedule(): void {
    if (this.timer !== null || this.inFlight) return;
    const now = this.options.now();
    const wait = Math.max(this.options.debounceMs, this.lastSentAt + this.options.minIntervalMs - now);
    this.timer = this.options.setTimer(() => {
      this.timer = null;
      void this.send(false);
    }, wait);
  }

  private cancelTimer(): void {
    if (this.timer !== null) {
      this.options.clearTimer(this.timer);
      this.timer = null;
    }
  }

  private async send(keepalive: boolean): Promise<void> {
    const body = this.latest;
    if (this.stopped || body === null || body === this.saved) return;
    this.inFlight = true;
    this.lastSentAt = this.options.now();
    try {
      await this.options.send(body, keepalive);
      this.saved = body;
      this.savedAt = this.options.now();
      this.options.onSaved?.(this.savedAt);
    } catch (error) {
      if (error instanceof ApiError && !error.retryable) {
        // submitted, ran out of time, or refused as it is: saving again changes nothing
        this.stop();
      }
    } finally {
      this.inFlight = false;
    }
    if (!this.stopped && this.latest !== this.saved) this.schedule();
  }
}
