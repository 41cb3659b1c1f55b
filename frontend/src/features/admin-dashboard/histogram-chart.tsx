import { number, percent } from '../../lib/format';
import { t } from './messages';

/**
 * The score histogram as plain SVG: one bar per score 0..N, the perfect score in its own
 * colour, the ≥ 15 band shaded, and the two shares the reference campaign reported.
 */
export function HistogramChart(props: {
  histogram: number[];
  perfectShare: number;
  atLeast15Share: number;
  perfect: number;
  atLeast15: number;
  count: number;
}) {
  const { histogram } = props;
  const max = Math.max(1, ...histogram);
  const width = 640;
  const height = 260;
  const left = 40;
  const bottom = 28;
  const top = 48;
  const plotWidth = width - left - 8;
  const plotHeight = height - top - bottom;
  const step = plotWidth / histogram.length;
  const barWidth = step * 0.75;
  const top15 = Math.min(15, histogram.length - 1);
  const summary = t('histogramSummary', {
    count: number(props.count),
    perfect: number(props.perfect),
    perfectShare: percent(props.perfectShare),
    atLeast15: number(props.atLeast15),
    atLeast15Share: percent(props.atLeast15Share),
  });
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f));
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={summary}
        data-testid="histogram"
        data-count={props.count}
      >
        <rect
          x={left + top15 * step}
          y={top - 8}
          width={step * (histogram.length - top15)}
          height={plotHeight + 8}
          class="band15"
        />
        <text x={width - 8} y={top - 14} class="mark" text-anchor="end">
          {t('atLeast15Mark', { share: percent(props.atLeast15Share) })}
        </text>
        <text x={width - 8} y={14} class="mark perfect-mark" text-anchor="end">
          {t('perfectMark', { share: percent(props.perfectShare) })}
        </text>
        {ticks.map((tick) => {
          const y = top + plotHeight - (tick / max) * plotHeight;
          return (
            <g key={tick}>
              <line x1={left} x2={width - 8} y1={y} y2={y} class="grid" />
              <text x={left - 6} y={y + 4} text-anchor="end" class="axis">
                {tick}
              </text>
            </g>
          );
        })}
        {histogram.map((count, score) => {
          const h = (count / max) * plotHeight;
          const x = left + score * step + (step - barWidth) / 2;
          return (
            <g key={score}>
              <rect
                x={x}
                y={top + plotHeight - h}
                width={barWidth}
                height={Math.max(h, count > 0 ? 1 : 0)}
                class={score === histogram.length - 1 ? 'bar perfect' : 'bar'}
                data-score={score}
                data-count={count}
              >
                <title>{t('barTitle', { score, count })}</title>
              </rect>
              <text x={x + barWidth / 2} y={height - 10} text-anchor="middle" class="axis">
                {score}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{summary}</figcaption>
      <details>
        <summary>{t('dataTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('score')}</th>
              <th scope="col">{t('count')}</th>
            </tr>
          </thead>
          <tbody>
            {histogram.map((count, score) => (
              <tr key={score}>
                <td>{score}</td>
                <td>{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
