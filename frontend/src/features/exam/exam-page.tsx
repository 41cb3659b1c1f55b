import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { api, ApiError, NetworkError } from '../../lib/api-client';
import type { AttemptStarted, AttemptView, SubmissionResult } from '../../lib/api-types';
import { attemptSession, forgetAttempt } from '../../lib/attempt-session';
import { clockText } from '../../lib/format';
import { intlLocale } from '../../lib/i18n';
import { ErrorAlert, errorText } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { AnswerSaver } from './answer-saver';
import { ExamSession, type ExamData } from './exam-session';
import { ExamStorage } from './exam-storage';
import { t } from './messages';
import { announcementDue } from './server-clock';
import { isRetryable, predictionValue, submissionBody } from './submission';

type Loaded =
  { kind: 'open'; data: ExamData; receivedAt: number; offline?: boolean } | { kind: 'submitted' } | { kind: 'expired' };

async function loadAttempt(attemptId: string, token: string): Promise<Loaded> {
  try {
    const sentAt = Date.now();
    const view = await api<AttemptView>(`/api/attempts/${attemptId}`, { headers: { 'X-Attempt-Token': token } });
    // the server's clock was read halfway through the round trip, as far as we can tell
    const receivedAt = (sentAt + Date.now()) / 2;
    if (view.status === 'SUBMITTED') return { kind: 'submitted' };
    if (view.status === 'EXPIRED') return { kind: 'expired' };
    return {
      kind: 'open',
      receivedAt,
      data: {
        attemptId,
        deadline: view.deadline,
        serverTime: view.serverTime,
        questions: view.questions ?? [],
        predictionQuestion: view.predictionQuestion ?? '',
      },
    };
  } catch (error) {
    // offline: what this device kept lets the participant go on
    const kept = new ExamStorage().load(attemptId);
    if (error instanceof NetworkError && kept.questions && kept.deadline) {
      const now = Date.now();
      const serverTime = new Date(now + (kept.offsetMs ?? 0)).toISOString();
      return {
        kind: 'open',
        receivedAt: now,
        offline: true,
        data: {
          attemptId,
          deadline: kept.deadline,
          serverTime,
          questions: kept.questions,
          predictionQuestion: kept.predictionQuestion ?? '',
        },
      };
    }
    throw error;
  }
}

export interface ExamPageProps {
  attemptId: string;
  /** the attempt as registration started it, to skip one request */
  started?: { attempt: AttemptStarted; receivedAt: number };
  onSubmitted: (attemptId: string) => void;
}

export function ExamPage(props: ExamPageProps) {
  // read once: the page keeps them while it shows the attempt, whatever storage does meanwhile
  const [credentials] = useState(() => attemptSession(props.attemptId));
  const [loaded, setLoaded] = useState<Loaded | null>(() =>
    props.started && props.started.attempt.attemptId === props.attemptId
      ? { kind: 'open', data: props.started.attempt, receivedAt: props.started.receivedAt }
      : null,
  );
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (loaded || !credentials) return;
    loadAttempt(props.attemptId, credentials.token).then(setLoaded, setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads per attempt and per retry, not when the loaded answer arrives
  }, [props.attemptId, round]);

  useEffect(() => {
    if (loaded?.kind === 'submitted') {
      // the answers are with the server; the credentials move to this tab (onSubmitted)
      new ExamStorage().remove(props.attemptId);
    }
    if (loaded?.kind === 'expired') {
      // nothing left to keep on this device
      forgetAttempt(props.attemptId);
    }
    if (loaded?.kind === 'submitted') props.onSubmitted(props.attemptId);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per answer from the server, not again for a new onSubmitted
  }, [loaded]);

  if (!credentials) {
    return (
      <div class="alert alert-error" role="alert">
        <p>{t('noSession')}</p>
      </div>
    );
  }
  if (error)
    return (
      <ErrorAlert
        error={error}
        onRetry={() => {
          setError(null);
          setRound(round + 1);
        }}
      />
    );
  if (!loaded || loaded.kind === 'submitted') return <Loading />;
  if (loaded.kind === 'expired') {
    return (
      <>
        <PageHeading title={t('title')}>{t('title')}</PageHeading>
        <p class="alert alert-error" role="alert">
          {t('expired')}
        </p>
        <a href={`#/c/${encodeURIComponent(credentials.slug)}`}>{t('backToContest')}</a>
      </>
    );
  }
  return (
    <Exam
      key={props.attemptId}
      data={loaded.data}
      receivedAt={loaded.receivedAt}
      offline={!!loaded.offline}
      token={credentials.token}
      slug={credentials.slug}
      onSubmitted={props.onSubmitted}
    />
  );
}

function Exam(props: {
  data: ExamData;
  receivedAt: number;
  offline: boolean;
  token: string;
  slug: string;
  onSubmitted: (id: string) => void;
}) {
  const session = useMemo(
    () =>
      new ExamSession(props.data, {
        receivedAt: props.receivedAt,
        send: (body) =>
          api<SubmissionResult>(`/api/attempts/${props.data.attemptId}/submission`, {
            method: 'POST',
            body,
            headers: { 'X-Attempt-Token': props.token },
          }),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one session per attempt: it keeps the state, so it is not made anew on each render
    [props.data.attemptId],
  );
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const saver = useMemo(
    () =>
      new AnswerSaver({
        send: (body, keepalive) =>
          api<void>(`/api/attempts/${props.data.attemptId}/answers`, {
            method: 'PUT',
            body,
            keepalive,
            headers: { 'X-Attempt-Token': props.token },
          }),
        onSaved: setSavedAt,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one saver per attempt, as the session
    [props.data.attemptId],
  );
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [remaining, setRemaining] = useState(session.remainingMs());
  const [announcement, setAnnouncement] = useState('');
  const lastAnnounced = useRef<number | null>(null);
  const [predictionError, setPredictionError] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);

  useEffect(() => session.subscribe(() => rerender(0)), [session]);

  // the answers go to the server as they are given: what it submits if time runs out while
  // this page is closed or offline
  useEffect(() => {
    const changed = () => {
      if (session.locked) {
        saver.stop();
      } else {
        saver.changed(submissionBody(session.data.questions, session.answers, session.prediction));
      }
    };
    const unsubscribe = session.subscribe(changed);
    // answers kept on this device from before a reload, perhaps never saved
    if (session.answeredCount > 0 || session.prediction.trim() !== '') changed();
    const hidden = () => document.visibilityState === 'hidden' && saver.flush(true);
    const leaving = () => saver.flush(true);
    const online = () => saver.flush(false);
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', leaving);
    window.addEventListener('online', online);
    return () => {
      unsubscribe();
      saver.stop();
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', leaving);
      window.removeEventListener('online', online);
    };
  }, [session, saver]);

  useEffect(() => {
    // a submission fixed before a reload is sent again, unchanged
    if (session.hasPendingSubmission) {
      session.submit().catch(() => {});
    }
    const update = () => {
      const left = session.remainingMs();
      setRemaining(left);
      const due = announcementDue(left, lastAnnounced.current);
      if (due !== null) {
        lastAnnounced.current = due;
        const time = due >= 60 ? t('minutes', { n: due / 60 }) : t('seconds', { n: due });
        setAnnouncement(t('announce', { time }));
      }
      void session.tick();
    };
    const timer = setInterval(update, 1000);
    // a phone that slept or a hidden tab (timers slowed down) catches up as soon as it is back
    const visible = () => document.visibilityState === 'visible' && update();
    // back online after the tries ran out: send the same submission again at once
    const online = () => {
      if (session.phase === 'failed' && session.hasPendingSubmission && isRetryable(session.lastError)) {
        session.submit().catch(() => {});
      }
    };
    window.addEventListener('online', online);
    document.addEventListener('visibilitychange', visible);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', online);
      document.removeEventListener('visibilitychange', visible);
    };
  }, [session]);

  // too late: the server may have submitted the attempt from its last save meanwhile
  useEffect(() => {
    if (session.phase !== 'failed' || !(session.lastError instanceof ApiError)) return;
    if (session.lastError.code !== 'ATTEMPT_EXPIRED') return;
    api<AttemptView>(`/api/attempts/${session.data.attemptId}`, { headers: { 'X-Attempt-Token': props.token } }).then(
      (view) => {
        if (view.status === 'SUBMITTED') {
          session.forget();
          props.onSubmitted(session.data.attemptId);
        }
      },
      () => {},
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per failure
  }, [session.phase, session.lastError]);

  useEffect(() => {
    if (session.phase === 'done' && session.result) {
      session.forget();
      props.onSubmitted(session.data.attemptId);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once when the submission is done, not again for a new onSubmitted
  }, [session.phase]);

  // focus moves to the new question in the same commit, before anything else can take it
  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- session.current is the question shown (not a ref): focus follows it
  }, [session.current]);

  const questions = session.data.questions;
  const total = questions.length;
  const current = session.current;
  const asksPrediction = session.asksPrediction;
  const onPrediction = asksPrediction && current >= total;
  const question = questions[Math.min(current, total - 1)];
  const locked = session.locked;

  const predictionValid = (value: string) => value.trim() === '' || predictionValue(value) !== null;

  const askToSubmit = () => {
    if (!predictionValid(session.prediction)) {
      setPredictionError(t('predictionInvalid'));
      session.goTo(total);
      return;
    }
    dialog.current?.showModal();
  };

  const confirmSubmit = () => {
    dialog.current?.close();
    session.submit().catch(() => {});
  };

  const status = session.phase;
  const expired = session.lastError instanceof ApiError && session.lastError.code === 'ATTEMPT_EXPIRED';

  return (
    <>
      <PageHeading title={t('title')}>
        <span class="sr-only">{t('title')}</span>
      </PageHeading>
      <div class="exam-bar">
        <div class="timer-box">
          <span class="timer-label" id="timer-label">
            {t('timeLeft')}
          </span>
          <span
            role="timer"
            aria-labelledby="timer-label"
            class={`timer${remaining < 60_000 ? ' urgent' : ''}`}
            data-testid="timer"
          >
            {clockText(remaining)}
          </span>
        </div>
        <div class="progress-box">
          <span data-testid="progress">{t('progress', { answered: session.answeredCount, total })}</span>
          <progress max={total} value={session.answeredCount} aria-hidden="true" />
        </div>
      </div>
      <p class="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {props.offline && <p class="note">{t('offline')}</p>}
      <p class="muted" role="status" data-testid="saved-at">
        {savedAt !== null ? t('savedAt', { time: timeOfDay(savedAt) }) : ''}
      </p>

      <div
        class="exam-screen"
        ref={heading}
        tabIndex={-1}
        aria-label={onPrediction ? t('prediction') : t('questionOf', { n: current + 1, total })}
      >
        {!onPrediction ? (
          <fieldset class="question" key={question.id} disabled={locked}>
            <legend>
              <span class="question-number">{t('questionOf', { n: current + 1, total })}</span>
              <span class="question-text">{question.text}</span>
            </legend>
            <div class="options">
              {question.options.map((option, index) => (
                <label class="option" key={option.id}>
                  <input
                    type="radio"
                    name={`q-${question.id}`}
                    value={String(option.id)}
                    checked={session.answers[question.id] === option.id}
                    onChange={() => session.answer(question.id, option.id)}
                  />
                  <span class="option-letter" aria-hidden="true">
                    {'ABCD'[index] ?? index + 1}
                  </span>
                  <span class="option-text">{option.text}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <div class="prediction field">
            <h2>{t('prediction')}</h2>
            <label for="prediction">{session.data.predictionQuestion}</label>
            <p class="hint" id="prediction-hint">
              {t('predictionHint')}
            </p>
            <input
              id="prediction"
              name="prediction"
              type="text"
              inputMode="numeric"
              autocomplete="off"
              value={session.prediction}
              disabled={locked}
              aria-invalid={predictionError ? 'true' : undefined}
              aria-describedby={`prediction-hint${predictionError ? ' prediction-error' : ''}`}
              onInput={(e) => {
                const value = (e.target as HTMLInputElement).value;
                session.setPrediction(value);
                setPredictionError(predictionValid(value) ? '' : t('predictionInvalid'));
              }}
            />
            {predictionError && (
              <p class="field-error" id="prediction-error">
                {predictionError}
              </p>
            )}
          </div>
        )}
      </div>

      <div class="exam-nav">
        <button
          type="button"
          class="button secondary"
          disabled={current === 0}
          onClick={() => session.goTo(current - 1)}
        >
          {t('previous')}
        </button>
        {!onPrediction && (asksPrediction || current < total - 1) ? (
          <button type="button" class="button primary" onClick={() => session.goTo(current + 1)}>
            {current === total - 1 ? t('toPrediction') : t('next')}
          </button>
        ) : (
          <button type="button" class="button primary" disabled={locked} onClick={askToSubmit}>
            {t('submit')}
          </button>
        )}
      </div>

      <div aria-live="polite" class="submit-status">
        {session.automatic && status !== 'idle' && <p class="note">{t('timeUp')}</p>}
        {status === 'submitting' && <p role="status">{t('submitting')}</p>}
        {status === 'retrying' && <p role="status">{t('retrying', { n: session.retryCount })}</p>}
      </div>
      {status === 'failed' && (
        <div class="alert alert-error" role="alert">
          <p>{expired ? t('expired') : t('failed')}</p>
          {!expired && <p>{errorText(session.lastError)}</p>}
          {!expired ? (
            <button type="button" class="button primary" onClick={() => session.submit().catch(() => {})}>
              {t('submit')}
            </button>
          ) : (
            <a href={`#/c/${encodeURIComponent(props.slug)}`}>{t('backToContest')}</a>
          )}
        </div>
      )}

      <nav aria-label={t('questionMap')} class="question-map">
        <h2 class="map-title">{t('questionMap')}</h2>
        <ol>
          {questions.map((q, index) => {
            const answered = session.answers[q.id] !== undefined;
            return (
              <li key={q.id}>
                <button
                  type="button"
                  class={`map-item${answered ? ' answered' : ''}`}
                  aria-current={index === current ? 'step' : undefined}
                  aria-label={answered ? t('mapAnswered', { n: index + 1 }) : t('mapUnanswered', { n: index + 1 })}
                  onClick={() => session.goTo(index)}
                >
                  {index + 1}
                </button>
              </li>
            );
          })}
          {asksPrediction && (
            <li>
              <button
                type="button"
                class={`map-item map-prediction${session.prediction.trim() ? ' answered' : ''}`}
                aria-current={onPrediction ? 'step' : undefined}
                onClick={() => session.goTo(total)}
              >
                {t('mapPrediction')}
              </button>
            </li>
          )}
        </ol>
        {!onPrediction && !locked && (
          <button type="button" class="button secondary submit-anywhere" onClick={askToSubmit}>
            {t('submit')}
          </button>
        )}
      </nav>

      <dialog ref={dialog} aria-labelledby="confirm-title" class="confirm">
        <h2 id="confirm-title">{t('confirmTitle')}</h2>
        <p>{t('confirmAnswered', { answered: session.answeredCount, total })}</p>
        {session.answeredCount < total && <p>{t('confirmUnanswered', { n: total - session.answeredCount })}</p>}
        {asksPrediction && !session.prediction.trim() && <p>{t('confirmNoPrediction')}</p>}
        <p>{t('confirmFinal')}</p>
        <div class="actions">
          <button type="button" class="button primary" onClick={confirmSubmit}>
            {t('confirmSubmit')}
          </button>
          <button type="button" class="button secondary" onClick={() => dialog.current?.close()}>
            {t('keepWorking')}
          </button>
        </div>
      </dialog>
    </>
  );
}

/** 14:05, in the participant's own time (the save is theirs, just now). */
function timeOfDay(at: number): string {
  return new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit', hour12: false }).format(
    new Date(at),
  );
}
