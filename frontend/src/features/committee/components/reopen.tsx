import { useState } from 'preact/hooks';
import { ApiError } from '../../../lib/api-client';
import { adminApi } from '../../../lib/staff-session';
import { ErrorAlert } from '../../../lib/ui/error-alert';
import { t } from '../messages';
import type { CommitteeProps as Props } from '../types';
import { ReasonField } from './reason-field';

/** Reopening a frozen list, with a reason. */
export function Reopen(props: Props & { base: string; onReopened: () => void }) {
  const call = adminApi(props.onUnauthorized);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    if (!reason.trim()) {
      setError(t('required'));
      return;
    }
    setBusy(true);
    try {
      await call<void>(`${props.base}/reopening`, { method: 'POST', body: { reason: reason.trim() } });
      setError('');
      setReason('');
      props.onReopened();
    } catch (e) {
      const field = e instanceof ApiError ? e.fieldMessages().reason : undefined;
      if (field) setError(field);
      else setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form panel" noValidate onSubmit={onSubmit}>
      <h3>{t('reopen')}</h3>
      <p class="hint">{t('reopenHint')}</p>
      <ReasonField id="reopen-reason" label={t('reopenReason')} value={reason} onInput={setReason} error={error} />
      {failure ? <ErrorAlert error={failure} /> : null}
      <div class="actions">
        <button type="submit" class="button secondary" disabled={busy}>
          {busy ? t('reopening') : t('reopen')}
        </button>
      </div>
    </form>
  );
}
