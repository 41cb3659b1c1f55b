import { intlLocale } from '../../lib/i18n';
import { t } from './messages';
import type { HourFigures } from './stats-types';

/** Attempts started and submitted per hour, as two SVG lines over the hours with data. */
export function TimelineChart(props: { timeline: HourFigures[] }) {
  const hours = [...props.timeline].sort((a, b) => Date.parse(a.hour) - Date.parse(b.hour));
  if (hours.length === 0) {
    return <p>{t('noData')}</p>;
  }
  const width = 640;
  const height = 200;
  const left = 40;
  const top = 10;
  const bottom = 30;
  const plotWidth = width - left - 10;
  const plotHeight = height - top - bottom;
  const first = Date.parse(hours[0].hour);
  const last = Date.parse(hours[hours.length - 1].hour);
  const span = Math.max(3_600_000, last - first);
  const max = Math.max(1, ...hours.map((h) => Math.max(h.started, h.submitted)));
  const x = (hour: string) => left + ((Date.parse(hour) - first) / span) * plotWidth;
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const line = (pick: (h: HourFigures) => number) => hours.map((h) => `${x(h.hour).toFixed(1)},${y(pick(h)).toFixed(1)}`).join(' ');
  const label = (iso: string) => new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', hour: '2-digit' }).format(new Date(iso));
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('timelineSummary', { hours: hours.length })}>
        <line x1={left} x2={width - 10} y1={y(0)} y2={y(0)} class="grid" />
        <line x1={left} x2={width - 10} y1={y(max)} y2={y(max)} class="grid" />
        <text x={left - 6} y={y(max) + 4} text-anchor="end" class="axis">
          {max}
        </text>
        <text x={left - 6} y={y(0) + 4} text-anchor="end" class="axis">
          0
        </text>
        <polyline points={line((h) => h.started)} class="line started" />
        <polyline points={line((h) => h.submitted)} class="line submitted" />
        {hours.length === 1 && <circle cx={x(hours[0].hour)} cy={y(hours[0].submitted)} r={4} class="dot submitted" />}
        <text x={left} y={height - 8} class="axis">
          {label(hours[0].hour)}
        </text>
        <text x={width - 10} y={height - 8} class="axis" text-anchor="end">
          {label(hours[hours.length - 1].hour)}
        </text>
      </svg>
      <figcaption>
        <span class="key started">{t('started')}</span> <span class="key submitted">{t('submitted')}</span>
      </figcaption>
    </figure>
  );
}
