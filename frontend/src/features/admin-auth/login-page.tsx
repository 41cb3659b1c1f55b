import { useState } from 'preact/hooks';
import { ApiError } from '../../lib/api-client';
import { signIn, type Staff } from '../../lib/staff-session';
import { PageHeading } from '../../lib/ui/page-heading';
import { errorText } from '../../lib/ui/error-alert';
import { t } from './messages';

/**
 * Staff login: the server starts a session (an HttpOnly cookie); the page keeps no
 * password. Too many failures answer 429, shown with the server's wait; a server busy
 * checking other passwords is asked again by itself, the wait shown.
 */
export function LoginPage(props: { onSignedIn: (staff: Staff) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [waiting, setWaiting] = useState('');

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const lacking = { username: !username.trim(), password: !password };
    setMissing(lacking);
    if (lacking.username || lacking.password) return;
    setBusy(true);
    setError('');
    try {
      const staff = await signIn(username.trim(), password, {
        onBusy: (waitMs, nextTry) => setWaiting(t('busy', { seconds: Math.ceil(waitMs / 1000), next: nextTry })),
      });
      props.onSignedIn(staff);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 401 ? t('wrong') : errorText(failure));
    } finally {
      setWaiting('');
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <form class="form narrow" noValidate onSubmit={onSubmit}>
        <div class={`field${missing.username ? ' invalid' : ''}`}>
          <label for="login-username">{t('username')}</label>
          <input
            id="login-username"
            name="username"
            autocomplete="username"
            value={username}
            aria-invalid={missing.username ? 'true' : undefined}
            aria-describedby={missing.username ? 'login-username-error' : undefined}
            onInput={(e) => setUsername((e.target as HTMLInputElement).value)}
          />
          {missing.username && (
            <p class="field-error" id="login-username-error">
              {t('required')}
            </p>
          )}
        </div>
        <div class={`field${missing.password ? ' invalid' : ''}`}>
          <label for="login-password">{t('password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            value={password}
            aria-invalid={missing.password ? 'true' : undefined}
            aria-describedby={missing.password ? 'login-password-error' : undefined}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
          />
          {missing.password && (
            <p class="field-error" id="login-password-error">
              {t('required')}
            </p>
          )}
        </div>
        {waiting && (
          <p class="alert alert-warning" role="status">
            {waiting}
          </p>
        )}
        {error && (
          <p class="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <p class="hint">{t('roles')}</p>
        <p class="hint">{t('note')}</p>
        <div class="actions">
          <button class="button primary" type="submit" disabled={busy}>
            {busy ? t('signingIn') : t('signIn')}
          </button>
        </div>
      </form>
    </>
  );
}
