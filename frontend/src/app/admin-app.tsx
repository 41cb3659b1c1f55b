import { useEffect, useReducer } from 'preact/hooks';
import { credentials, forgetCredentials } from '../lib/admin-credentials';
import { tc } from '../lib/common-messages';
import { onLocaleChange } from '../lib/i18n';
import { match, navigate, useHashPath } from '../lib/router';
import { LanguageSwitch } from '../lib/ui';
import { LoginPage } from '../features/admin-auth/login-page';
import { t as td } from '../features/admin-dashboard/messages';
import { ContestPicker, DashboardPage } from '../features/admin-dashboard/dashboard-page';

/**
 * The organizer pages (admin.html). Today: sign-in and the live dashboard; contest and
 * question-bank management (features/admin-contests) and the committee's winners page
 * (features/committee) slot in here as routes once their endpoints exist.
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
  if (!signedIn) {
    page = <LoginPage onSignedIn={() => rerender(0)} />;
  } else if ((params = match('/c/:slug', path))) {
    page = <DashboardPage key={params.slug} slug={params.slug} authorization={signedIn.authorization} onUnauthorized={signOut} />;
  } else {
    page = <ContestPicker />;
  }

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
      <main id="main" tabIndex={-1} class="wide">
        {page}
      </main>
    </>
  );
}
