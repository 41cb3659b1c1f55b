import { useEffect, useState } from 'preact/hooks';
import { number } from '../../lib/format';
import { adminApi } from '../../lib/staff-session';
import { t } from './messages';

/** `GET /api/admin/contests/{slug}/waiting-room`. */
export interface WaitingLine {
  enabled: boolean;
  waiting: number;
  estimatedWaitSeconds: number;
  admitted: number;
  admissionRate: number;
  replicas: number;
}

/** How often the dashboard asks for the line: it moves by the second only in a rush. */
const EVERY_MS = 5000;

/**
 * The waiting room's line of the contest's starts: how many wait and how long the last of
 * them will, asked every few seconds (nothing is shown while Redis is away or the room is
 * off).
 */
export function WaitingLinePanel(props: { slug: string; onUnauthorized: () => void }) {
  const [line, setLine] = useState<WaitingLine | null>(null);
  useEffect(() => {
    const call = adminApi(props.onUnauthorized);
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      call<WaitingLine>(`/api/admin/contests/${encodeURIComponent(props.slug)}/waiting-room`).then(
        (fresh) => live && setLine(fresh),
        () => live && setLine(null),
      );
      timer = setTimeout(load, EVERY_MS);
    };
    load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one poller per contest
  }, [props.slug]);
  if (!line?.enabled) return null;
  return (
    <p class="waiting-line" data-testid="waiting-line">
      <strong>{t('waitingLine')}</strong>{' '}
      {line.waiting === 0
        ? t('waitingLineEmpty', { rate: number(line.admissionRate, 1) })
        : t('waitingLineLength', {
            waiting: number(line.waiting),
            minutes: number(Math.ceil(line.estimatedWaitSeconds / 60)),
            rate: number(line.admissionRate, 1),
          })}
    </p>
  );
}
