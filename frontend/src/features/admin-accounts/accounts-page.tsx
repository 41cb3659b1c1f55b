import { useState } from 'preact/hooks';
import { ApiError } from '../../lib/api-client';
import { ErrorAlert, errorText } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { useLoad } from '../../lib/use-load';
import { vietnamDateTime } from '../../lib/vietnam-time';
import { intlLocale } from '../../lib/i18n';
import { Field } from '../../lib/ui/field';
import { adminApi } from '../../lib/staff-session';
import type { StaffScope } from '../../lib/staff-scope';
import { t, type MessageKey } from './messages';
import { ScopeEditor } from './scope-editor';
import { scopeSummary } from './scope-model';

type Role = 'ORGANIZER' | 'COMMITTEE' | 'ADMIN';

interface Account {
  username: string;
  role: Role;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** Absent: every contest. */
  scope?: StaffScope | null;
}

const ROLES: Role[] = ['ORGANIZER', 'COMMITTEE', 'ADMIN'];
const roleText = (role: Role) => t(`role_${role}` as MessageKey);

/** The admin's page: every staff account, a new one, and changes to each. */
export function AccountsPage(props: { onUnauthorized: () => void }) {
  const call = adminApi(props.onUnauthorized);
  const accounts = useLoad(() => call<Account[]>('/api/admin/accounts'), 'accounts');
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const [scoping, setScoping] = useState<string | null>(null);

  const change = async (
    username: string,
    // a scope without contests ({}) lifts the scope: every contest
    body: Partial<{ role: Role; enabled: boolean; password: string; scope: StaffScope | Record<string, never> }>,
  ) => {
    setFailure(null);
    setNotice('');
    try {
      await call(`/api/admin/accounts/${encodeURIComponent(username)}`, { method: 'PUT', body });
      setNotice(t('saved', { name: username }));
      accounts.reload();
      return true;
    } catch (error) {
      setFailure(error);
      accounts.reload(); // show what is stored, not the refused choice
      return false;
    }
  };

  return (
    <>
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      {notice && (
        <p class="alert alert-success" role="status">
          {notice}
        </p>
      )}
      {failure !== null && (
        <p class="alert alert-error" role="alert">
          {errorText(failure)}
        </p>
      )}
      {accounts.error !== undefined ? (
        <ErrorAlert error={accounts.error} onRetry={accounts.reload} />
      ) : !accounts.data ? (
        <Loading />
      ) : (
        <div class="table-scroll" tabIndex={0}>
          <table class="compact" data-testid="accounts">
            <thead>
              <tr>
                <th scope="col">{t('colUsername')}</th>
                <th scope="col">{t('colRole')}</th>
                <th scope="col">{t('colState')}</th>
                <th scope="col">{t('colScope')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.map((account) => (
                <tr key={account.username}>
                  <th scope="row">{account.username}</th>
                  <td>
                    <select
                      aria-label={`${t('colRole')} ${account.username}`}
                      value={account.role}
                      onChange={(e) =>
                        change(account.username, { role: (e.target as HTMLSelectElement).value as Role })
                      }
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {roleText(role)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td title={vietnamDateTime(account.updatedAt, intlLocale())}>
                    {account.enabled ? t('enabled') : t('disabled')}
                  </td>
                  <td class="wrap" data-testid="scope">
                    {scopeSummary(account.scope ?? null, t('scopeEvery'), t('scopeNone'))}
                  </td>
                  <td>
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => change(account.username, { enabled: !account.enabled })}
                    >
                      {account.enabled ? t('disable') : t('enable')}
                    </button>{' '}
                    <button type="button" class="link-button" onClick={() => setResetting(account.username)}>
                      {t('resetPassword')}
                    </button>
                    {account.role !== 'ADMIN' && (
                      <>
                        {' '}
                        <button type="button" class="link-button" onClick={() => setScoping(account.username)}>
                          {t('editScope')}
                        </button>
                      </>
                    )}
                    {resetting === account.username && (
                      <ResetPassword
                        username={account.username}
                        onSave={(password) => change(account.username, { password })}
                        onDone={() => setResetting(null)}
                      />
                    )}
                    {scoping === account.username && (
                      <EditScope
                        account={account}
                        call={call}
                        onSave={(scope) => change(account.username, { scope: scope ?? {} })}
                        onDone={() => setScoping(null)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewAccount
        call={call}
        onCreated={(username) => {
          setNotice(t('created', { name: username }));
          accounts.reload();
        }}
      />
    </>
  );
}

function ResetPassword(props: {
  username: string;
  onSave: (password: string) => Promise<boolean>;
  onDone: () => void;
}) {
  const [password, setPassword] = useState('');
  return (
    <form
      class="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await props.onSave(password)) props.onDone();
      }}
    >
      <Field
        name={`password-${props.username}`}
        label={t('newPasswordFor', { name: props.username })}
        type="password"
        autoComplete="new-password"
        value={password}
        onInput={setPassword}
        errors={{}}
      />
      <button class="button" type="submit">
        {t('save')}
      </button>{' '}
      <button class="link-button" type="button" onClick={props.onDone}>
        {t('cancel')}
      </button>
    </form>
  );
}

function EditScope(props: {
  account: Account;
  call: ReturnType<typeof adminApi>;
  onSave: (scope: StaffScope | null) => Promise<boolean>;
  onDone: () => void;
}) {
  const [scope, setScope] = useState<StaffScope | null>(props.account.scope ?? null);
  const id = `scope-${props.account.username.replace(/[^a-z0-9-]/g, '-')}`;
  return (
    <form
      class="inline-form"
      aria-label={t('scopeFor', { name: props.account.username })}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await props.onSave(scope)) props.onDone();
      }}
    >
      <ScopeEditor id={id} value={scope} onChange={setScope} call={props.call} />
      <button class="button" type="submit">
        {t('save')}
      </button>{' '}
      <button class="link-button" type="button" onClick={props.onDone}>
        {t('cancel')}
      </button>
    </form>
  );
}

function NewAccount(props: { call: ReturnType<typeof adminApi>; onCreated: (username: string) => void }) {
  const [form, setForm] = useState({ username: '', role: 'ORGANIZER' as Role, password: '' });
  const [scope, setScope] = useState<StaffScope | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      await props.call('/api/admin/accounts', {
        method: 'POST',
        body: { ...form, scope: form.role === 'ADMIN' ? null : scope },
      });
      props.onCreated(form.username);
      setForm({ username: '', role: 'ORGANIZER', password: '' });
      setScope(null);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) setErrors(error.fieldMessages());
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="new-account">
      <h2 id="new-account">{t('createTitle')}</h2>
      <form class="form narrow" noValidate onSubmit={onSubmit}>
        <Field
          name="username"
          label={t('username')}
          hint={t('usernameHint')}
          value={form.username}
          onInput={(username) => setForm({ ...form, username })}
          errors={errors}
        />
        <div class="field">
          <label for="f-role">{t('role')}</label>
          <select
            id="f-role"
            value={form.role}
            onChange={(e) => setForm({ ...form, role: (e.target as HTMLSelectElement).value as Role })}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roleText(role)}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="password"
          label={t('password')}
          hint={t('passwordHint')}
          type="password"
          autoComplete="new-password"
          value={form.password}
          onInput={(password) => setForm({ ...form, password })}
          errors={errors}
        />
        {form.role === 'ADMIN' ? (
          <p class="hint">{t('adminSeesAll')}</p>
        ) : (
          <ScopeEditor id="new" value={scope} onChange={setScope} call={props.call} />
        )}
        {scopeErrors(errors).map((message) => (
          <p key={message} class="alert alert-error" role="alert">
            {message}
          </p>
        ))}
        {failure !== null && (
          <p class="alert alert-error" role="alert">
            {errorText(failure)}
          </p>
        )}
        <div class="actions">
          <button class="button primary" type="submit" disabled={busy}>
            {t('create')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The scope's field errors (`scope.contests[0].slug`…), which no single field shows. */
function scopeErrors(errors: Record<string, string>): string[] {
  return [
    ...new Set(
      Object.entries(errors)
        .filter(([field]) => field.startsWith('scope'))
        .map(([, message]) => message),
    ),
  ];
}
