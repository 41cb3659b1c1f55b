import { useEffect, useState } from 'preact/hooks';
import { api, requestHeaders } from '../../lib/api-client';
import { readEventStream } from '../../lib/sse';
import type { ContestStats, StatsSummary, StatsTables } from './stats-types';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

/**
 * The organizer's live figures: the SSE stream read with fetch (it carries the CSRF
 * and language headers), reconnecting with a growing pause when the connection drops
 * (or when the server dropped a connection that fell behind). The stream sends the
 * counters (`stats`) at every change and the tables (`tables`) when they change.
 */
export function useStatsStream(slug: string, round: string, onUnauthorized: () => void) {
  const [summary, setSummary] = useState<StatsSummary | null>(null);
  const [tables, setTables] = useState<StatsTables | null>(null);
  const [status, setStatus] = useState<StreamStatus>('connecting');

  useEffect(() => {
    const controller = new AbortController();
    let failures = 0;
    setSummary(null);
    setTables(null);
    setStatus('connecting');
    const url = `/api/admin/contests/${encodeURIComponent(slug)}/stats/stream${round ? `?round=${encodeURIComponent(round)}` : ''}`;
    // the stream speaks when figures change; the figures as they are come first
    api<ContestStats>(url.replace('/stats/stream', '/stats'), { signal: controller.signal }).then(
      (first) => {
        setSummary((current) => current ?? first);
        setTables((current) => current ?? first);
      },
      () => {},
    );
    const run = async () => {
      while (!controller.signal.aborted) {
        try {
          await readEventStream(url, {
            headers: requestHeaders(),
            signal: controller.signal,
            onOpen: () => {
              failures = 0;
              setStatus('live');
            },
            onEvent: (event) => {
              if (event.event === 'stats') {
                setSummary(JSON.parse(event.data) as StatsSummary);
              } else if (event.event === 'tables') {
                setTables(JSON.parse(event.data) as StatsTables);
              }
            },
          });
        } catch (error) {
          if (controller.signal.aborted) return;
          if (error instanceof Response && (error.status === 401 || error.status === 403)) {
            onUnauthorized();
            return;
          }
        }
        if (controller.signal.aborted) return;
        setStatus('reconnecting');
        failures++;
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** Math.min(failures, 5))));
      }
    };
    void run();
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new onUnauthorized on every render must not reconnect the stream
  }, [slug, round]);

  const stats: ContestStats | null = summary && tables ? { ...summary, ...pickTables(tables) } : null;
  return { stats, status };
}

/** Only the tables: the first figures, read whole, carry the rest too. */
function pickTables(tables: StatsTables): StatsTables {
  return { units: tables.units, districts: tables.districts, questions: tables.questions, timeline: tables.timeline };
}
