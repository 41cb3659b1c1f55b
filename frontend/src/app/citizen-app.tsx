import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { AttemptStarted } from '../lib/api-types';
import { attemptExpiry, markSubmitted, saveAttemptSession } from '../lib/attempt-session';
import { tc } from '../lib/common-messages';
import { onLocaleChange } from '../lib/i18n';
import { match, navigate, useHashPath } from '../lib/router';
import { LanguageSwitch } from '../lib/ui/language-switch';
import { AnswerKeyPage } from '../features/answer-key/answer-key-page';
import { ContestListPage } from '../features/contest/contest-list-page';
import { ContestPage } from '../features/contest/contest-page';
import { ExamPage } from '../features/exam/exam-page';
import { RegistrationPage } from '../features/registration/registration-page';
import { CertificatePage } from '../features/result/certificate-page';
import { ResultPage } from '../features/result/result-page';
import { ResultsPage } from '../features/public-results/results-page';
import { VerifyPage } from '../features/certificate/verify-page';

/**
 * The citizen site. Features never import each other: this shell routes between them and
 * hands a started attempt from registration to the exam, and a submitted one to the result.
 */
export function CitizenApp() {
  const path = useHashPath();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => onLocaleChange(() => rerender(0)), []);
  const started = useRef<{ attempt: AttemptStarted; receivedAt: number } | undefined>(undefined);
  const firstPath = useRef(true);

  useEffect(() => {
    // after navigation, focus goes to the new page's heading (screen readers hear it)
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const timer = setTimeout(() => document.getElementById('page-heading')?.focus(), 50);
    return () => clearTimeout(timer);
  }, [path]);

  const onStarted = (attempt: AttemptStarted, slug: string, receivedAt: number) => {
    saveAttemptSession({
      attemptId: attempt.attemptId,
      token: attempt.token,
      slug,
      startedAt: attempt.startedAt,
      expiresAt: attemptExpiry(attempt, receivedAt),
    });
    started.current = { attempt, receivedAt };
    navigate(`/exam/${attempt.attemptId}`);
  };

  let page;
  let params: Record<string, string> | null;
  if ((params = match('/c/:slug/results', path))) {
    page = <ResultsPage slug={params.slug} />;
  } else if ((params = match('/verify/:code', path))) {
    page = <VerifyPage key={params.code} code={params.code} />;
  } else if (path === '/verify') {
    page = <VerifyPage />;
  } else if ((params = match('/certificate/:id/:token', path))) {
    page = <CertificatePage key={params.id} attemptId={params.id} token={params.token} />;
  } else if ((params = match('/c/:slug/register', path))) {
    page = <RegistrationPage slug={params.slug} onStarted={onStarted} />;
  } else if ((params = match('/c/:slug/answer-key', path))) {
    page = <AnswerKeyPage slug={params.slug} />;
  } else if ((params = match('/c/:slug', path))) {
    page = <ContestPage slug={params.slug} />;
  } else if ((params = match('/exam/:id', path))) {
    page = (
      <ExamPage
        key={params.id}
        attemptId={params.id}
        started={started.current}
        onSubmitted={(id) => {
          markSubmitted(id);
          navigate(`/result/${id}`, true);
        }}
      />
    );
  } else if ((params = match('/result/:id', path))) {
    page = <ResultPage key={params.id} attemptId={params.id} />;
  } else {
    page = <ContestListPage />;
  }

  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {tc('skipToContent')}
      </a>
      <header class="site-header">
        <a class="brand" href="#/">
          {tc('siteName')}
        </a>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
      <footer class="site-footer">
        <p>{tc('footer')}</p>
      </footer>
    </>
  );
}
