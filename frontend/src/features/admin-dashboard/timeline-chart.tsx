import { intlLocale } from '../../lib/i18n';
import { t } from './messages';
import type { HourFigures } from './stats-types';

const HOUR = 3_600_000;

/** Attempts started and submitted per hour: a pair of SVG bars for each hour, gaps kept. */
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
  const slots = Math.round((Date.parse(hours[hours.length - 1].hour) - first) / HOUR) + 1;
  const slot = plotWidth / slots;
  const bar = Math.min(24, slot * 0.4);
  const max = Math.max(1, ...hours.map((h) => Math.max(h.started, h.submitted)));
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const x = (hour: string) => left + Math.round((Date.parse(hour) - first) / HOUR) * slot + slot / 2;
  const label = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', hour: '2-digit' }).format(new Date(iso));
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
        {hours.map((h) => (
          <g key={h.hour}>
            <rect x={x(h.hour) - bar} y={y(h.started)} width={bar} height={y(0) - y(h.started)} class="col started">
              <title>{`${label(h.hour)}: ${t('started')} ${h.started}`}</title>
            </rect>
            <rect x={x(h.hour)} y={y(h.submitted)} width={bar} height={y(0) - y(h.submitted)} class="col submitted">
              <title>{`${label(h.hour)}: ${t('submitted')} ${h.submitted}`}</title>
            </rect>
          </g>
        ))}
        <text x={left} y={height - 8} class="axis">
          {label(hours[0].hour)}
        </text>
        {hours.length > 1 && (
          <text x={width - 10} y={height - 8} class="axis" text-anchor="end">
            {label(hours[hours.length - 1].hour)}
          </text>
        )}
      </svg>
      <figcaption>
        <span class="key started">{t('started')}</span> <span class="key submitted">{t('submitted')}</span>
      </figcaption>
    </figure>
  );
}
