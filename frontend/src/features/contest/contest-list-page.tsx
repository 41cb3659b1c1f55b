import { useEffect } from 'preact/hooks';
import { api } from '../../lib/api-client';
import type { ContestSummary } from '../../lib/api-types';
import { forgetContest } from '../../lib/attempt-session';
import { dateTime } from '../../lib/format';
import { splitPractice } from '../../lib/practice';
import { navigate } from '../../lib/router';
import { ErrorAlert } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { useLoad } from '../../lib/use-load';
import { t } from './messages';

export function ContestListPage() {
  const { data, error, reload } = useLoad(() => api<ContestSummary[]>('/api/contests'), 'contests');
  useEffect(() => {
    const open = data?.filter((contest) => contest.status === 'OPEN') ?? [];
    // nothing of a finalized contest is kept on the device (one closed for a while may
    // open again: its page forgets it once it is past its end)
    data?.filter((contest) => contest.status === 'FINALIZED').forEach((contest) => forgetContest(contest.slug));
    // one campaign at a time is the usual case: its page is the home page
    if (open.length === 1) {
      navigate(`/c/${encodeURIComponent(open[0].slug)}`, true);
    }
  }, [data]);
  return (
    <>
      <PageHeading title={t('contestsTitle')}>{t('contestsTitle')}</PageHeading>
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : data.length === 0 ? (
        <p>{t('noContests')}</p>
      ) : (
        <Lists contests={data} />
      )}
    </>
  );
}

/** The contests, then practice ("thi thử") in a section of its own. */
function Lists(props: { contests: ContestSummary[] }) {
  const { ranked, practice } = splitPractice(props.contests);
  return (
    <>
      {ranked.length > 0 && (
        <ul class="cards">
          {ranked.map((contest) => (
            <Card contest={contest} heading="h2" key={contest.slug} />
          ))}
        </ul>
      )}
      {practice.length > 0 && (
        <section aria-labelledby="practice-heading" data-testid="practice-contests">
          <h2 id="practice-heading">{t('practiceTitle')}</h2>
          <p>{t('practiceIntro')}</p>
          <ul class="cards">
            {practice.map((contest) => (
              <Card contest={contest} heading="h3" key={contest.slug} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function Card(props: { contest: ContestSummary; heading: 'h2' | 'h3' }) {
  const { contest } = props;
  const Heading = props.heading;
  const practice = contest.ranked === false;
  return (
    <li class="card">
      <Heading>
        <a href={`#/c/${encodeURIComponent(contest.slug)}`}>{contest.title}</a>
      </Heading>
      <p class="muted">{contest.law}</p>
      <p>
        {practice && <span class="badge practice">{t('practiceBadge')}</span>}{' '}
        <span class={`badge status-${contest.status.toLowerCase()}`}>{t(`status_${contest.status}`)}</span>{' '}
        {t('window', { from: dateTime(contest.opensAt), to: dateTime(contest.closesAt) })}
      </p>
    </li>
  );
}
