import { useState } from 'preact/hooks';
import { api, ApiError } from '../../lib/api-client';
import { basicAuthorization, saveCredentials } from '../../lib/admin-credentials';
import { PageHeading, errorText } from '../../lib/ui';
import { t } from './messages';

/**
 * HTTP Basic until the platform has session login: the credentials are checked against
 * the admin contest list (open to every admin account), then kept in sessionStorage.
 */
export function LoginPage(props: { onSignedIn: () => void }) {
  const [username, setUsername] = useState('organizer');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const lacking = { username: !username.trim(), password: !password };
    setMissing(lacking);
    if (lacking.username || lacking.password) return;
    setBusy(true);
    setError('');
    try {
      // every admin account may list the contests (drafts included), even when there is none yet
      const authorization = basicAuthorization(username.trim(), password);
      await api('/api/admin/contests', { headers: { Authorization: authorization } });
      saveCredentials(username.trim(), password);
      props.onSignedIn();
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 401 ? t('wrong') : failure instanceof ApiError && failure.status === 403 ? t('forbidden') : errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <form class="form narrow" noValidate onSubmit={onSubmit}>
        <div class={`field${missing.username ? ' invalid' : ''}`}>
          <label for="login-username">{t('username')}</label>
          <input id="login-username" name="username" autocomplete="username" value={username} aria-invalid={missing.username ? 'true' : undefined} aria-describedby={missing.username ? 'login-username-error' : undefined} onInput={(e) => setUsername((e.target as HTMLInputElement).value)} />
          {missing.username && <p class="field-error" id="login-username-error">{t('required')}</p>}
        </div>
        <div class={`field${missing.password ? ' invalid' : ''}`}>
          <label for="login-password">{t('password')}</label>
          <input id="login-password" name="password" type="password" autocomplete="current-password" value={password} aria-invalid={missing.password ? 'true' : undefined} aria-describedby={missing.password ? 'login-password-error' : undefined} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
          {missing.password && <p class="field-error" id="login-password-error">{t('required')}</p>}
        </div>
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
