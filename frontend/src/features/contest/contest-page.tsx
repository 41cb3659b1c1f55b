import { useEffect, useReducer } from 'preact/hooks';
import { api } from '../../lib/api-client';
import type { ContestDetails } from '../../lib/api-types';
import { forgetContest, latestAttemptSession } from '../../lib/attempt-session';
import { ForgetDevice } from '../../lib/forget-device';
import { dateTime } from '../../lib/format';
import { attemptsUnlimited, isPractice } from '../../lib/practice';
import { ErrorAlert } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { useLoad } from '../../lib/use-load';
import { Countdown } from './countdown';
import { Leaderboard } from './leaderboard';
import { t } from './messages';
import { Prizes } from './prizes';

async function loadContest(slug: string): Promise<{ contest: ContestDetails; offsetMs: number }> {
  const contest = await api<ContestDetails>(`/api/contests/${encodeURIComponent(slug)}`);
  return { contest, offsetMs: Date.parse(contest.serverTime) - Date.now() };
}

/**
 * Over for good: finalized, or past its end by the server's clock, so that no attempt can go
 * on. A contest the organizers closed for a while (they can open it again) keeps what the
 * device holds.
 */
function isOver(contest: ContestDetails): boolean {
  return contest.status === 'FINALIZED' || Date.parse(contest.serverTime) >= Date.parse(contest.closesAt);
}

export function ContestPage(props: { slug: string }) {
  const { data, error, reload } = useLoad(() => loadContest(props.slug), props.slug);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const over = data !== undefined && isOver(data.contest);
  useEffect(() => {
    // nothing of a contest that is over is kept on the device
    if (over) forgetContest(props.slug);
  }, [over, props.slug]);
  if (error) {
    return <ErrorAlert error={error} onRetry={reload} />;
  }
  if (!data) {
    return <Loading />;
  }
  const { contest, offsetMs } = data;
  const mine = over ? undefined : latestAttemptSession(contest.slug);
  const canRegister = contest.status === 'OPEN' && contest.currentRound !== null;
  const practice = isPractice(contest);
  return (
    <>
      <PageHeading title={contest.title}>{contest.title}</PageHeading>
      <p class="muted">{contest.law}</p>
      <p>
        {practice && <span class="badge practice">{t('practiceBadge')}</span>}{' '}
        <span class={`badge status-${contest.status.toLowerCase()}`}>{t(`status_${contest.status}`)}</span>{' '}
        {t('window', { from: dateTime(contest.opensAt), to: dateTime(contest.closesAt) })}
      </p>
      {practice && (
        <p class="note" data-testid="practice-note">
          {t('practiceNote')}
        </p>
      )}
      <Countdown contest={contest} offsetMs={offsetMs} />
      <div class="actions">
        {canRegister && (
          <a class="button primary" href={`#/c/${encodeURIComponent(contest.slug)}/register`}>
            {t('register')}
          </a>
        )}
        {mine && !mine.submitted && (
          <a class="button secondary" href={`#/exam/${mine.attemptId}`}>
            {t('continueExam')}
          </a>
        )}
        {mine?.submitted && <a href={`#/result/${mine.attemptId}`}>{t('lastResult')}</a>}
        <a href={`#/c/${encodeURIComponent(contest.slug)}/results`}>{t('results')}</a>
      </div>
      <p>
        {t(practice ? (attemptsUnlimited(contest) ? 'factsPracticeUnlimited' : 'factsPractice') : 'facts', {
          questions: contest.questionsPerAttempt,
          minutes: Math.round(contest.timeLimitSeconds / 60),
          attempts: contest.maxAttemptsPerRound,
        })}
      </p>
      {contest.description && (
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">{t('about')}</h2>
          <p class="prose">{contest.description}</p>
        </section>
      )}
      {contest.rules && (
        <section aria-labelledby="rules-heading">
          <h2 id="rules-heading">{t('rules')}</h2>
          <p class="prose">{contest.rules}</p>
        </section>
      )}
      {contest.reviewPolicy && contest.reviewPolicy !== 'NEVER' && (
        <p data-testid="review-policy">
          {t(
            contest.reviewPolicy === 'AFTER_SUBMISSION'
              ? 'reviewAfterSubmission'
              : contest.reviewPolicy === 'AFTER_ROUND_CLOSES'
                ? 'reviewAfterRound'
                : 'reviewAfterContest',
          )}{' '}
          <a href={`#/c/${encodeURIComponent(contest.slug)}/answer-key`}>{t('answerKey')}</a>
        </p>
      )}
      {!practice && <Prizes slug={contest.slug} />}
      {contest.certificate?.enabled && (
        <section aria-labelledby="certificate-heading">
          <h2 id="certificate-heading">{t('certificate')}</h2>
          <p data-testid="certificate-rule">
            {t('certificateRule', { min: contest.certificate.minScore ?? 0, issuer: contest.certificate.issuer ?? '' })}
          </p>
        </section>
      )}
      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">{t('rounds')}</h2>
        <ol class="rounds">
          {contest.rounds.map((round) => (
            <li
              key={round.number}
              class={round.current ? 'current' : ''}
              aria-current={round.current ? 'step' : undefined}
            >
              <strong>{round.name}</strong>{' '}
              {round.current && <span class="badge status-open">{t('currentRound')}</span>}
              <br />
              <span class="muted">
                {t('roundWindow', { from: dateTime(round.opensAt), to: dateTime(round.closesAt) })}
              </span>
            </li>
          ))}
        </ol>
      </section>
      {!practice && <Leaderboard contest={contest} />}
      <ForgetDevice onForgotten={() => rerender(0)} />
    </>
  );
}
