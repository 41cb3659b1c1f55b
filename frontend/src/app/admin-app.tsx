import { useEffect, useReducer, useState } from 'preact/hooks';
import { currentStaff, sectionsOf, signOut as endSession, type Staff } from '../lib/staff-session';
import { tc } from '../lib/common-messages';
import { onLocaleChange } from '../lib/i18n';
import { match, navigate, useHashPath } from '../lib/router';
import { ErrorAlert } from '../lib/ui/error-alert';
import { LanguageSwitch } from '../lib/ui/language-switch';
import { LoginPage } from '../features/admin-auth/login-page';
import { t as td } from '../features/admin-dashboard/messages';
import { ContestPicker, DashboardPage } from '../features/admin-dashboard/dashboard-page';
import { t as tm } from '../features/admin-contests/messages';
import { ContestFormPage, ContestListPage } from '../features/admin-contests/contest-pages';
import { PrizePlanPage } from '../features/admin-contests/prize-plan-page';
import { QuestionsPage } from '../features/admin-contests/questions-page';
import { QuestionEditPage } from '../features/admin-contests/question-edit-page';
import { ItemAnalysisPage } from '../features/item-analysis/item-analysis-page';
import { t as tk } from '../features/committee/messages';
import { CommitteeHome, CommitteePage } from '../features/committee/committee-page';
import { t as ta } from '../features/admin-accounts/messages';
import { AccountsPage } from '../features/admin-accounts/accounts-page';

/**
 * The organizer and committee pages (admin.html): sign-in, the live dashboard (every
 * role), contest and question-bank management (organizer), the award committee's pages.
 */
export function AdminApp() {
  const path = useHashPath();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => onLocaleChange(() => rerender(0)), []);
  // undefined while the session is being checked, null when nobody is logged in
  const [signedIn, setSignedIn] = useState<Staff | null | undefined>(undefined);
  const [sessionError, setSessionError] = useState<unknown>(null);
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    setSessionError(null);
    // a 503 while Redis is down is said as such, not taken for "not logged in"
    currentStaff().then(setSignedIn, setSessionError);
  }, [attempt]);

  const signOut = () => setSignedIn(null);

  let page;
  let params: Record<string, string> | null;
  const auth = { onUnauthorized: signOut };
  if (sessionError !== null) {
    page = <ErrorAlert error={sessionError} onRetry={() => retry(0)} />;
  } else if (signedIn === undefined) {
    page = null;
  } else if (!signedIn) {
    page = (
      <LoginPage
        onSignedIn={(staff) => {
          if (!sectionsOf(staff).manage && sectionsOf(staff).committee && currentSection(path) === 'dashboard') {
            navigate('/committee');
          }
          setSignedIn(staff);
        }}
      />
    );
  } else if (match('/accounts', path)) {
    page = <AccountsPage {...auth} />;
  } else if ((params = match('/c/:slug/items', path))) {
    page = <ItemAnalysisPage key={params.slug} slug={params.slug} canManage={sectionsOf(signedIn).manage} {...auth} />;
  } else if ((params = match('/c/:slug', path))) {
    page = (
      <DashboardPage
        key={params.slug}
        slug={params.slug}
        canManage={sectionsOf(signedIn).manage}
        scope={signedIn.scope ?? null}
        {...auth}
      />
    );
  } else if (match('/manage', path)) {
    page = <ContestListPage {...auth} />;
  } else if (match('/manage/new', path)) {
    page = <ContestFormPage key="new" {...auth} />;
  } else if ((params = match('/manage/:slug/questions/:code', path))) {
    page = <QuestionEditPage key={path} slug={params.slug} code={params.code} {...auth} />;
  } else if ((params = match('/manage/:slug/questions', path))) {
    page = <QuestionsPage key={params.slug} slug={params.slug} {...auth} />;
  } else if ((params = match('/manage/:slug/prizes', path))) {
    page = <PrizePlanPage key={params.slug} slug={params.slug} {...auth} />;
  } else if ((params = match('/manage/:slug', path))) {
    page = <ContestFormPage key={params.slug} slug={params.slug} created={path.endsWith('?created')} {...auth} />;
  } else if (match('/committee', path)) {
    page = <CommitteeHome {...auth} />;
  } else if ((params = match('/committee/:slug', path))) {
    page = <CommitteePage key={params.slug} slug={params.slug} {...auth} />;
  } else {
    page = <ContestPicker {...auth} />;
  }

  const sections = signedIn ? sectionsOf(signedIn) : null;
  const section = currentSection(path);
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
        <span>
          <LanguageSwitch />
          {signedIn && (
            <button
              type="button"
              class="link-button"
              onClick={() => {
                void endSession().then(signOut);
                navigate('/');
              }}
            >
              {td('signOut')} ({signedIn.username})
            </button>
          )}
        </span>
      </header>
      {sections && (
        <nav class="admin-nav" aria-label={tc('siteName')}>
          <a href="#/" aria-current={section === 'dashboard' ? 'page' : undefined}>
            {td('title')}
          </a>
          {sections.manage && (
            <a href="#/manage" aria-current={section === 'manage' ? 'page' : undefined}>
              {tm('nav')}
            </a>
          )}
          {sections.committee && (
            <a href="#/committee" aria-current={section === 'committee' ? 'page' : undefined}>
              {tk('nav')}
            </a>
          )}
          {sections.accounts && (
            <a href="#/accounts" aria-current={section === 'accounts' ? 'page' : undefined}>
              {ta('nav')}
            </a>
          )}
        </nav>
      )}
      <main id="main" tabIndex={-1} class="wide">
        {page}
      </main>
    </>
  );
}

function currentSection(path: string): 'dashboard' | 'manage' | 'committee' | 'accounts' {
  return path.startsWith('/manage')
    ? 'manage'
    : path.startsWith('/committee')
      ? 'committee'
      : path.startsWith('/accounts')
        ? 'accounts'
        : 'dashboard';
}
