/**
 * Server-Sent Events over `fetch`, because EventSource cannot send the page's headers.
 */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/** An incremental parser of `text/event-stream`: feed it chunks as they arrive. */
export function sseParser(onEvent: (event: SseEvent) => void): (chunk: string) => void {
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  const dispatch = () => {
    if (data.length > 0) {
      onEvent({ event: event || 'message', data: data.join('\n'), id });
    }
    data = [];
    event = '';
  };
  return (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      const width = buffer.startsWith('\r\n', newline) ? 2 : 1;
      // a lone \r at the end may be the first half of \r\n: wait for more
      if (width === 1 && buffer[newline] === '\r' && newline === buffer.length - 1) {
        break;
      }
      buffer = buffer.slice(newline + width);
      if (line === '') {
        dispatch();
        continue;
      }
      if (line.startsWith(':')) {
        continue; // comment (keep-alive)
      }
      const colon = line.indexOf(':');
      const field = colon >= 0 ? line.slice(0, colon) : line;
      let value = colon >= 0 ? line.slice(colon + 1) : '';
      if (value.startsWith(' ')) {
        value = value.slice(1);
      }
      if (field === 'data') {
        data.push(value);
      } else if (field === 'event') {
        event = value;
      } else if (field === 'id') {
        id = value;
      }
    }
  };
}

/** Opens the stream; resolves when it ends, rejects with the HTTP response when refused. */
export async function readEventStream(
  url: string,
  init: {
    headers: Record<string, string>;
    signal: AbortSignal;
    onOpen?: () => void;
    onEvent: (event: SseEvent) => void;
  },
): Promise<void> {
  const response = await fetch(url, {
    headers: { ...init.headers, Accept: 'text/event-stream' },
    signal: init.signal,
    cache: 'no-store',
  });
  if (!response.ok || !response.body) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the caller reads the refusal's status off the response
    throw response;
  }
  init.onOpen?.();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const push = sseParser(init.onEvent);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    push(value);
  }
}
