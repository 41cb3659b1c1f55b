import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../lib/api-client';
import { AnswerSaver } from './answer-saver';

/** A saver on a hand-moved clock, whose timers run when the clock passes them. */
function harness(fail?: (body: string) => Error | null) {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let ids = 0;
  const sent: { body: string; keepalive: boolean; at: number }[] = [];
  const saver = new AnswerSaver({
    now: () => now,
    send: (body, keepalive) => {
      sent.push({ body, keepalive, at: now });
      const error = fail?.(body);
      return error ? Promise.reject(error) : Promise.resolve();
    },
    setTimer: (run, ms) => {
      const timer = { at: now + ms, run, id: ++ids };
      timers.push(timer);
      return timer.id;
    },
    clearTimer: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  });
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.run();
      await Promise.resolve();
      await Promise.resolve();
    }
    now = until;
  };
  return { saver, sent, advance };
}

describe('AnswerSaver', () => {
  it('sends the latest answers once they stay unchanged, then at most once every 10 s', async () => {
    const { saver, sent, advance } = harness();
    saver.changed('a');
    saver.changed('ab');
    await advance(1500);
    expect(sent.map((s) => s.body)).toEqual(['ab']);
    expect(saver.savedAt).toBe(1500);
    saver.changed('abc');
    await advance(2000);
    expect(sent).toHaveLength(1);
    saver.changed('abcd');
    await advance(10_000);
    expect(sent.map((s) => [s.body, s.at])).toEqual([
      ['ab', 1500],
      ['abcd', 11_500],
    ]);
    // nothing new: nothing sent
    saver.changed('abcd');
    await advance(30_000);
    expect(sent).toHaveLength(2);
  });

  it('sends at once, with keepalive, when the page is hidden', async () => {
    const { saver, sent, advance } = harness();
    saver.changed('a');
    await advance(1500);
    saver.changed('ab');
    saver.flush(true);
    await advance(0);
    expect(sent.map((s) => [s.body, s.keepalive, s.at])).toEqual([
      ['a', false, 1500],
      ['ab', true, 1500],
    ]);
  });

  it('tries again later after a network failure, with whatever is latest then', async () => {
    let offline = true;
    const { saver, sent, advance } = harness(() => (offline ? new NetworkError('offline') : null));
    saver.changed('a');
    await advance(1500);
    expect(saver.savedAt).toBeNull();
    saver.changed('ab');
    offline = false;
    await advance(10_000);
    expect(sent.map((s) => s.body)).toEqual(['a', 'ab']);
    expect(saver.savedAt).toBe(11_500);
  });

  it('stops once the server refuses: the attempt was submitted or ran out of time', async () => {
    const { saver, sent, advance } = harness(() => new ApiError(409, { code: 'ATTEMPT_EXPIRED' }));
    saver.changed('a');
    await advance(1500);
    saver.changed('ab');
    saver.flush(true);
    await advance(60_000);
    expect(sent).toHaveLength(1);
  });
});
