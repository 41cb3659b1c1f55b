import { useEffect, useState } from 'preact/hooks';
import type { ContestDetails } from '../../lib/api-types';
import { t } from './messages';

/** What the contest page counts down to, by the server's clock. */
export function countdownTarget(contest: ContestDetails, nowMs: number): { label: string; at: number } | null {
  const opens = Date.parse(contest.opensAt);
  if (nowMs < opens) {
    return { label: t('opensIn'), at: opens };
  }
  if (contest.status !== 'OPEN' || nowMs >= Date.parse(contest.closesAt)) {
    return null;
  }
  const current = contest.rounds.find((r) => Date.parse(r.opensAt) <= nowMs && nowMs < Date.parse(r.closesAt));
  if (current) {
    return { label: t('endsIn'), at: Date.parse(current.closesAt) };
  }
  const next = contest.rounds.find((r) => Date.parse(r.opensAt) > nowMs);
  return next ? { label: t('nextRoundIn'), at: Date.parse(next.opensAt) } : null;
}

export function Countdown(props: { contest: ContestDetails; offsetMs: number }) {
  const [now, setNow] = useState(Date.now() + props.offsetMs);
  useEffect(() => {
    // minutes are enough on this page: a tick every 15 s keeps it right without churn
    const timer = setInterval(() => setNow(Date.now() + props.offsetMs), 15_000);
    return () => clearInterval(timer);
  }, [props.offsetMs]);
  const target = countdownTarget(props.contest, now);
  if (!target) {
    return <p class="countdown">{t('closed')}</p>;
  }
  const minutes = Math.max(0, Math.floor((target.at - now) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return (
    <p class="countdown">
      {target.label} <strong>{d > 0 ? t('countdown', { d, h, m }) : t('countdownShort', { h, m })}</strong>
    </p>
  );
}
