import { describe, expect, it } from 'vitest';
import { sseParser, type SseEvent } from './sse';

describe('sseParser', () => {
  it('parses events split across chunks, skips comments, joins data lines', () => {
    const events: SseEvent[] = [];
    const push = sseParser((e) => events.push(e));
    push('event:stats\nda');
    push('ta:{"a":1}\n\n:keep-alive\n\n');
    push('data: line1\r\ndata: line2\r\n\r\n');
    expect(events).toEqual([
      { event: 'stats', data: '{"a":1}', id: undefined },
      { event: 'message', data: 'line1\nline2', id: undefined },
    ]);
  });
});
