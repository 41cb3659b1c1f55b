import { useState } from 'preact/hooks';
import { adminApi } from '../../lib/staff-session';
import { ErrorAlert } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { useLoad } from '../../lib/use-load';
import { AwardLog } from './components/award-log';
import { Exclusions, type Prefill } from './components/exclusions';
import { IntegrityFlagsPanel } from './components/integrity-flags-panel';
import { StandingList } from './components/standing-list';
import { exclusionReason, kindsByAttempt, type IntegrityReport } from './integrity-flags';
import { t } from './messages';
import type { CommitteeProps as Props, ContestRounds } from './types';

export function CommitteeHome(props: Props) {
  const call = adminApi(props.onUnauthorized);
  const { data, error, reload } = useLoad(
    () => call<{ slug: string; title: string; status: string }[]>('/api/admin/contests'),
    'committee-contests',
  );
  return (
    <>
      <PageHeading title={t('homeTitle')}>{t('homeTitle')}</PageHeading>
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : data.length === 0 ? (
        <p>{t('noContests')}</p>
      ) : (
        <ul class="cards">
          {data.map((c) => (
            <li class="card" key={c.slug}>
              <a href={`#/committee/${encodeURIComponent(c.slug)}`}>{c.title}</a> <span class="muted">({c.slug})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function CommitteePage(props: Props & { slug: string }) {
  const call = adminApi(props.onUnauthorized);
  const contestPath = `/api/admin/contests/${encodeURIComponent(props.slug)}`;
  const contest = useLoad(() => call<ContestRounds>(contestPath), props.slug);
  const title = t('title', { title: contest.data?.title ?? props.slug });
  if (contest.error) {
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <ErrorAlert error={contest.error} onRetry={contest.reload} />
      </>
    );
  }
  if (!contest.data) return <Loading />;
  return <CommitteeReview {...props} contest={contest.data} contestPath={contestPath} title={title} />;
}

function CommitteeReview(props: Props & { contest: ContestRounds; contestPath: string; title: string }) {
  const call = adminApi(props.onUnauthorized);
  const { contestPath, title } = props;
  const [scope, setScope] = useState<string>('');
  const [logVersion, setLogVersion] = useState(0);
  const [prefill, setPrefill] = useState<Prefill | null>(null);
  const rounds = props.contest.rounds;
  const chosen = scope || (rounds.length > 0 ? String(rounds[0].number) : 'contest');
  const round = rounds.find((r) => String(r.number) === chosen);
  const flagsPath = `${contestPath}/integrity-flags${round ? `?round=${round.number}` : ''}`;
  const flags = useLoad(() => call<IntegrityReport>(flagsPath), `${flagsPath}#${logVersion}`);
  const scopeName = round ? t('roundN', { n: round.number, name: round.name }) : t('wholeContest');
  const base = round ? `${contestPath}/rounds/${round.number}` : contestPath;
  const changed = () => setLogVersion((v) => v + 1);
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <div class="committee-bar">
        <label class="inline-field">
          {t('scope')}{' '}
          <select value={chosen} onChange={(e) => setScope((e.target as HTMLSelectElement).value)} data-testid="scope">
            {rounds.map((r) => (
              <option key={r.number} value={String(r.number)}>
                {t('roundN', { n: r.number, name: r.name })}
              </option>
            ))}
            <option value="contest">{t('wholeContest')}</option>
          </select>
        </label>
      </div>
      <StandingList
        key={base}
        {...props}
        base={base}
        scopeName={scopeName}
        onChange={changed}
        flagged={kindsByAttempt(flags.data?.flags ?? [])}
      />
      <IntegrityFlagsPanel
        report={flags}
        scopeName={scopeName}
        onExclude={(flag) => setPrefill({ attemptId: flag.attemptId, reason: exclusionReason(flag) })}
      />
      <Exclusions {...props} contestPath={contestPath} version={logVersion} onChange={changed} prefill={prefill} />
      <AwardLog {...props} contestPath={contestPath} version={logVersion} />
    </>
  );
}
