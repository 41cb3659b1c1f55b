import { useEffect, useReducer } from 'preact/hooks';
import { credentials, forgetCredentials } from '../lib/admin-credentials';
import { tc } from '../lib/common-messages';
import { onLocaleChange } from '../lib/i18n';
import { match, navigate, useHashPath } from '../lib/router';
import { LanguageSwitch } from '../lib/ui';
import { LoginPage } from '../features/admin-auth/login-page';
import { t as td } from '../features/admin-dashboard/messages';
import { ContestPicker, DashboardPage } from '../features/admin-dashboard/dashboard-page';
import { t as tm } from '../features/admin-contests/messages';
import { ContestFormPage, ContestListPage } from '../features/admin-contests/contest-pages';
import { PrizePlanPage } from '../features/admin-contests/prize-plan-page';
import { QuestionsPage } from '../features/admin-contests/questions-page';
import { t as tk } from '../features/committee/messages';
import { CommitteeHome, CommitteePage } from '../features/committee/committee-page';

/**
 * What an account is shown. The platform's accounts are fixed (organizer, committee,
 * admin); the server checks every request anyway and answers 403 FORBIDDEN to a page
 * an account may not use, which the page shows.
 */
export function sectionsOf(username: string): { manage: boolean; committee: boolean } {
  return { manage: username !== 'committee', committee: username === 'committee' || username === 'admin' };
}

/**
 * The organizer and committee pages (admin.html): sign-in, the live dashboard (every
 * role), contest and question-bank management (organizer), the award committee's pages.
 */
export function AdminApp() {
  const path = useHashPath();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => onLocaleChange(() => rerender(0)), []);
  const signedIn = credentials();

  const signOut = () => {
    forgetCredentials();
    rerender(0);
  };

  let page;
  let params: Record<string, string> | null;
  const auth = signedIn ? { authorization: signedIn.authorization, onUnauthorized: signOut } : null;
  if (!signedIn || !auth) {
    page = (
      <LoginPage
        onSignedIn={() => {
          const who = credentials();
          if (who && who.username === 'committee' && currentSection(path) === 'dashboard') {
            navigate('/committee');
          }
          rerender(0);
        }}
      />
    );
  } else if ((params = match('/c/:slug', path))) {
    page = <DashboardPage key={params.slug} slug={params.slug} {...auth} />;
  } else if (match('/manage', path)) {
    page = <ContestListPage {...auth} />;
  } else if (match('/manage/new', path)) {
    page = <ContestFormPage key="new" {...auth} />;
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
    page = <ContestPicker />;
  }

  const sections = signedIn ? sectionsOf(signedIn.username) : null;
  const section = currentSection(path);
  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {tc('skipToContent')}
      </a>
      <header class="site-header">
        <a class="brand" href="#/">
          {tc('siteName')}
        </a>
        <span>
          <LanguageSwitch />
          {signedIn && (
            <button type="button" class="link-button" onClick={() => { signOut(); navigate('/'); }}>
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
        </nav>
      )}
      <main id="main" tabIndex={-1} class="wide">
        {page}
      </main>
    </>
  );
}

function currentSection(path: string): 'dashboard' | 'manage' | 'committee' {
  return path.startsWith('/manage') ? 'manage' : path.startsWith('/committee') ? 'committee' : 'dashboard';
}
