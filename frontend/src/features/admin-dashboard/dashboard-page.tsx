import { useState } from 'preact/hooks';
import { api } from '../../lib/api-client';
import type { AdminContestSummary, ContestDetails } from '../../lib/api-types';
import { publicBankWarning } from '../../lib/contest-warnings';
import { clockText, dateTime, number, percent } from '../../lib/format';
import { adminApi } from '../../lib/staff-session';
import { unitsIn, type StaffScope } from '../../lib/staff-scope';
import { ErrorAlert } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { useLoad } from '../../lib/use-load';
import { RoundSelect } from '../../lib/ui/round-select';
import { HistogramChart } from './histogram-chart';
import { t } from './messages';
import { SortableTable } from './sortable-table';
import { useStatsStream } from './stats-stream';
import type { ContestStats, DistrictFigures, QuestionFigures, UnitFigures } from './stats-types';
import './dashboard.css';
import { TimelineChart } from './timeline-chart';
import { WaitingLinePanel } from './waiting-line';

/** The contests the account sees (a scoped account: those of its scope), drafts aside. */
export function ContestPicker(props: { onUnauthorized: () => void }) {
  const call = adminApi(props.onUnauthorized);
  const { data, error, reload } = useLoad(
    () => call<AdminContestSummary[]>('/api/admin/contests').then((all) => all.filter((c) => c.status !== 'DRAFT')),
    'contests',
  );
  return (
    <>
      <PageHeading title={t('contests')}>{t('contests')}</PageHeading>
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : (
        <ul class="cards">
          {data.map((c) => (
            <li class="card" key={c.slug}>
              <a href={`#/c/${encodeURIComponent(c.slug)}`}>{c.title}</a> <span class="muted">({c.slug})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * `canManage`: the account may import question banks (the warning then links to it).
 * `scope`: the account's; limited to some units, the figures are those units' only.
 */
export function DashboardPage(props: {
  slug: string;
  canManage: boolean;
  scope: StaffScope | null;
  onUnauthorized: () => void;
}) {
  const contest = useLoad(() => api<ContestDetails>(`/api/contests/${encodeURIComponent(props.slug)}`), props.slug);
  const call = adminApi(props.onUnauthorized);
  const managed = useLoad(() => call<AdminContestSummary[]>('/api/admin/contests'), `admin-contests-${props.slug}`);
  const publicBank = publicBankWarning(managed.data?.find((c) => c.slug === props.slug)?.warnings);
  const [round, setRound] = useState('');
  const { stats, status } = useStatsStream(props.slug, round, props.onUnauthorized);
  const title = contest.data ? `${t('title')}: ${contest.data.title}` : t('title');
  const units = unitsIn(props.scope, props.slug);
  const unitNames = units?.map((code) => contest.data?.units.find((u) => u.code === code)?.name ?? code);
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {unitNames && (
        <p class="alert alert-warning" role="note" data-testid="unit-scope">
          {t('unitScope', { units: unitNames.join(', ') })}
        </p>
      )}
      {publicBank && (
        <div
          class="alert alert-warning"
          role="note"
          aria-labelledby="public-bank-title"
          data-testid="public-bank-warning"
        >
          <p>
            <strong id="public-bank-title">{t('publicBankTitle')}.</strong> {t('publicBank', { bank: publicBank.bank })}
          </p>
          {props.canManage && (
            <p>
              <a href={`#/manage/${encodeURIComponent(props.slug)}/questions`}>{t('publicBankImport')}</a>
            </p>
          )}
        </div>
      )}
      <p>
        <a href={`#/c/${encodeURIComponent(props.slug)}/items`} data-testid="item-analysis-link">
          {t('itemAnalysis')}
        </a>
      </p>
      <div class="dashboard-bar">
        <RoundSelect
          label={t('scope')}
          wholeContest={t('wholeContest')}
          rounds={contest.data?.rounds}
          roundLabel={(r) => t('roundN', { n: r.number, name: r.name })}
          value={round}
          onChange={setRound}
        />
        <p>
          {/* only the connection's state is announced, not every update */}
          <span class={`stream-status ${status}`} role="status" data-testid="stream-status">
            {status === 'live' ? t('live') : status === 'connecting' ? t('connecting') : t('reconnecting')}
          </span>
          {stats && status === 'live' && (
            <span class="muted"> · {t('updatedAt', { at: dateTime(stats.computedAt) })}</span>
          )}
        </p>
      </div>
      {/* the line is the whole contest's: an account limited to some units is not shown it */}
      {!units && <WaitingLinePanel slug={props.slug} onUnauthorized={props.onUnauthorized} />}
      {!stats ? <Loading /> : <Figures stats={stats} />}
    </>
  );
}

function Figures(props: { stats: ContestStats }) {
  const { stats } = props;
  const [best, setBest] = useState(false);
  const figures = best ? stats.bestAttempts : stats.attempts;
  const counters: [string, string, string][] = [
    ['participants', t('participants'), number(stats.participants)],
    ['started', t('started'), number(stats.attemptsStarted)],
    ['submitted', t('submitted'), number(stats.attemptsSubmitted)],
    ['per-participant', t('perParticipant'), number(stats.attemptsPerParticipant, 2)],
    ['mean', t('mean'), number(stats.attempts.mean, 2)],
    ['median', t('median'), number(stats.attempts.median, 1)],
    ['mean-duration', t('meanDuration'), clockText(stats.meanDurationMs)],
    ['perfect', t('perfect'), `${number(stats.attempts.perfect)} (${percent(stats.attempts.perfectShare)})`],
    ['at-least-15', t('atLeast15'), `${number(stats.attempts.atLeast15)} (${percent(stats.attempts.atLeast15Share)})`],
  ];
  return (
    <>
      <dl class="counters">
        {counters.map(([key, label, value]) => (
          <div key={key} data-counter={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="histogram-heading">
        <h2 id="histogram-heading">{t('histogram')}</h2>
        <fieldset class="toggle">
          <legend>{t('histogramOver')}</legend>
          <label>
            <input type="radio" name="over" checked={!best} onChange={() => setBest(false)} /> {t('overAttempts')}
          </label>
          <label>
            <input type="radio" name="over" checked={best} onChange={() => setBest(true)} /> {t('overBest')}
          </label>
        </fieldset>
        <HistogramChart
          histogram={best ? stats.bestScoreHistogram : stats.scoreHistogram}
          count={figures.count}
          perfect={figures.perfect}
          perfectShare={figures.perfectShare}
          atLeast15={figures.atLeast15}
          atLeast15Share={figures.atLeast15Share}
        />
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('timeline')}</h2>
        <TimelineChart timeline={stats.timeline} />
      </section>
      <section aria-labelledby="units-heading">
        <h2 id="units-heading">{t('units')}</h2>
        <SortableTable<UnitFigures>
          caption={t('units')}
          testId="units"
          rows={stats.units}
          rowKey={(u) => u.code}
          initialSort="participants"
          columns={[
            { key: 'name', label: t('unit'), value: (u) => u.name },
            { key: 'participants', label: t('participants'), value: (u) => u.participants, numeric: true },
            { key: 'attempts', label: t('attempts'), value: (u) => u.attempts, numeric: true },
            {
              key: 'meanScore',
              label: t('meanScore'),
              value: (u) => u.meanScore,
              render: (u) => number(u.meanScore, 2),
              numeric: true,
            },
            { key: 'headcount', label: t('headcount'), value: (u) => u.headcount, numeric: true },
            {
              key: 'participationRate',
              label: t('participation'),
              value: (u) => u.participationRate,
              render: (u) => (u.participationRate == null ? '—' : percent(u.participationRate)),
              numeric: true,
            },
          ]}
        />
      </section>
      <section aria-labelledby="districts-heading">
        <h2 id="districts-heading">{t('districts')}</h2>
        <SortableTable<DistrictFigures>
          caption={t('districts')}
          testId="districts"
          rows={stats.districts}
          rowKey={(d) => d.district}
          initialSort="participants"
          columns={[
            { key: 'district', label: t('district'), value: (d) => d.district },
            { key: 'participants', label: t('participants'), value: (d) => d.participants, numeric: true },
            { key: 'attempts', label: t('attempts'), value: (d) => d.attempts, numeric: true },
            {
              key: 'meanScore',
              label: t('meanScore'),
              value: (d) => d.meanScore,
              render: (d) => number(d.meanScore, 2),
              numeric: true,
            },
          ]}
        />
      </section>
      <section aria-labelledby="hardest-heading">
        <h2 id="hardest-heading">{t('hardest')}</h2>
        <HardestQuestions questions={stats.questions.filter((q) => q.drawn > 0).slice(0, 10)} />
      </section>
    </>
  );
}

function HardestQuestions(props: { questions: QuestionFigures[] }) {
  if (props.questions.length === 0) {
    return <p>{t('noData')}</p>;
  }
  return (
    <div class="table-scroll">
      <table data-testid="hardest">
        <thead>
          <tr>
            <th scope="col">{t('question')}</th>
            <th scope="col">{t('article')}</th>
            <th scope="col" class="num">
              {t('correctRate')}
            </th>
            <th scope="col" class="num">
              {t('drawn')}
            </th>
            <th scope="col">{t('wrongOption')}</th>
          </tr>
        </thead>
        <tbody>
          {props.questions.map((q) => (
            <tr key={q.id}>
              <td>
                <strong>{q.code}</strong> {q.text}
              </td>
              <td>{t('articleText', { article: q.article, chapter: q.chapter })}</td>
              <td class="num">{percent(q.correctRate)}</td>
              <td class="num">{q.drawn}</td>
              <td>{q.mostChosenWrongOption ? `${q.mostChosenWrongOption} (${q.mostChosenWrongCount})` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
