import { useState } from 'preact/hooks';
import { api } from '../../lib/api-client';
import type { AttemptRank, AttemptView, ContestDetails, Standing } from '../../lib/api-types';
import { attemptSession } from '../../lib/attempt-session';
import { ForgetDevice } from '../../lib/forget-device';
import { dateTime, durationText } from '../../lib/format';
import { attemptsUnlimited, isPractice } from '../../lib/practice';
import { ErrorAlert } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { useLoad } from '../../lib/use-load';
import { CertificateSection } from './certificate-section';
import { t } from './messages';
import { Review } from './review';

export function ResultPage(props: { attemptId: string }) {
  // read once: "forget me" on this page leaves the result shown
  const [credentials] = useState(() => attemptSession(props.attemptId));
  const headers = { 'X-Attempt-Token': credentials?.token ?? '' };
  const view = useLoad(() => api<AttemptView>(`/api/attempts/${props.attemptId}`, { headers }), props.attemptId);
  const slug = credentials?.slug ?? '';
  const contest = useLoad(() => api<ContestDetails>(`/api/contests/${encodeURIComponent(slug)}`), `contest-${slug}`);
  if (!credentials) {
    return (
      <p class="alert alert-error" role="alert">
        {t('noSession')}
      </p>
    );
  }
  if (view.error) return <ErrorAlert error={view.error} onRetry={view.reload} />;
  if (!view.data) return <Loading />;
  const attempt = view.data;
  const contestLink = `#/c/${encodeURIComponent(credentials.slug)}`;
  if (attempt.status !== 'SUBMITTED' || !attempt.result) {
    return (
      <>
        <PageHeading title={t('title')}>{t('title')}</PageHeading>
        <p class="alert" role="status">
          {attempt.status === 'EXPIRED' ? t('expired') : t('notSubmitted')}
        </p>
        {attempt.status === 'OPEN' ? (
          <a href={`#/exam/${props.attemptId}`}>{t('toExam')}</a>
        ) : (
          <a href={contestLink}>{t('backToContest')}</a>
        )}
      </>
    );
  }
  const result = attempt.result;
  return (
    <>
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      {result.autoSubmitted && (
        <p class="note" data-testid="auto-submitted">
          {t('autoSubmitted')}
        </p>
      )}
      <dl class="result" data-testid="result">
        <div>
          <dt>{t('score')}</dt>
          <dd class="score">{t('scoreValue', { score: result.score, total: result.total })}</dd>
        </div>
        <div>
          <dt>{t('time')}</dt>
          <dd>{durationText(result.durationMs, { min: t('min'), sec: t('sec') })}</dd>
        </div>
        <div>
          <dt>{t('submittedAt')}</dt>
          <dd>{dateTime(result.submittedAt)}</dd>
        </div>
      </dl>
      {/* practice ranks nobody: no ranks to ask for */}
      {(contest.error !== undefined || (contest.data && !isPractice(contest.data))) && (
        <Ranks attemptId={props.attemptId} token={credentials.token} />
      )}
      <CertificateSection attemptId={props.attemptId} token={credentials.token} />
      <WhatNext contest={contest.data} />
      <Review attemptId={props.attemptId} token={credentials.token} slug={credentials.slug} />
      <div class="actions">
        <a class="button primary" href={`${contestLink}/register`}>
          {t('again')}
        </a>
        <a href={contestLink}>{t('backToContest')}</a>
      </div>
      <ForgetDevice />
    </>
  );
}

function standingText(standing: Standing, hidden: boolean): string {
  if (hidden) return t('rankedOnly', { ranked: standing.ranked });
  if (standing.rank == null) return t('rankPending', { ranked: standing.ranked });
  return t('rankOf', { rank: standing.rank, ranked: standing.ranked });
}

function Ranks(props: { attemptId: string; token: string }) {
  const rank = useLoad(
    () => api<AttemptRank>(`/api/attempts/${props.attemptId}/rank`, { headers: { 'X-Attempt-Token': props.token } }),
    `rank-${props.attemptId}`,
  );
  return (
    <section aria-labelledby="rank-heading" data-testid="rank">
      <h2 id="rank-heading">{t('rank')}</h2>
      {rank.error ? (
        <ErrorAlert error={rank.error} onRetry={rank.reload} />
      ) : !rank.data ? (
        <Loading />
      ) : (
        <>
          {rank.data.ranksHidden && <p class="note">{t('ranksHidden')}</p>}
          <dl class="ranks">
            {(
              [
                [t('inRound', { n: rank.data.round }), rank.data.inRound],
                [t('inContest'), rank.data.inContest],
                [t('inUnit'), rank.data.inUnit],
                [t('inDistrict'), rank.data.inDistrict],
              ] as const
            ).map(([label, standing]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{standingText(standing, rank.data!.ranksHidden)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}

function WhatNext(props: { contest: ContestDetails | undefined }) {
  const { contest } = props;
  const current = contest?.rounds.find((r) => r.current);
  const practice = contest !== undefined && isPractice(contest);
  return (
    <section aria-labelledby="next-heading">
      <h2 id="next-heading">{t('next')}</h2>
      <p>{t(practice ? 'nextTextPractice' : 'nextText')}</p>
      {current && <p>{t('roundEnds', { at: dateTime(current.closesAt) })}</p>}
      {contest && (
        <p>
          {attemptsUnlimited(contest) ? t('attemptsUnlimited') : t('attemptsLeft', { n: contest.maxAttemptsPerRound })}
        </p>
      )}
    </section>
  );
}
