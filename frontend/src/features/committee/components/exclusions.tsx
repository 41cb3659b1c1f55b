import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../../lib/api-client';
import { adminApi } from '../../../lib/staff-session';
import { ErrorAlert } from '../../../lib/ui/error-alert';
import { Loading } from '../../../lib/ui/loading';
import { useLoad } from '../../../lib/use-load';
import { t } from '../messages';
import type { CommitteeProps as Props, Excluded } from '../types';
import { ExcludedTable } from './excluded-table';
import { ReasonField } from './reason-field';

/** An exclusion the committee is about to make from a flag: its attempt and a reason to edit. */
export interface Prefill {
  attemptId: string;
  reason: string;
}

/** The contest's exclusions: the list with a lift button per row, and the form to exclude an attempt. */
export function Exclusions(
  props: Props & { contestPath: string; version: number; onChange: () => void; prefill: Prefill | null },
) {
  const call = adminApi(props.onUnauthorized);
  const list = useLoad(
    () => call<Excluded[]>(`${props.contestPath}/exclusions`),
    `${props.contestPath}#${props.version}`,
  );
  const [attemptId, setAttemptId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ attemptId?: string; reason?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [prefilled, setPrefilled] = useState(false);

  useEffect(() => {
    if (!props.prefill) return;
    setAttemptId(props.prefill.attemptId);
    setReason(props.prefill.reason);
    setErrors({});
    setFailure(null);
    setNotice('');
    setPrefilled(true);
    const field = document.getElementById('exclude-reason');
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }, [props.prefill]);

  const run = async (work: () => Promise<unknown>, done: string) => {
    setFailure(null);
    setNotice('');
    setBusy(true);
    try {
      await work();
      setNotice(done);
      props.onChange();
      return true;
    } catch (e) {
      const field = e instanceof ApiError ? e.fieldMessages().reason : undefined;
      if (field) setErrors({ reason: field });
      else setFailure(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setPrefilled(false);
    const id = attemptId.trim();
    const missing = { attemptId: id ? undefined : t('required'), reason: reason.trim() ? undefined : t('required') };
    setErrors(missing);
    if (missing.attemptId || missing.reason) return;
    if (
      await run(
        () =>
          call<void>(`${props.contestPath}/exclusions/${encodeURIComponent(id)}`, {
            method: 'PUT',
            body: { reason: reason.trim() },
          }),
        t('excludedDone'),
      )
    ) {
      setAttemptId('');
      setReason('');
    }
  };

  return (
    <section aria-labelledby="exclusions-heading" class="panel">
      <h2 id="exclusions-heading">{t('exclusions')}</h2>
      <p class="hint">{t('exclusionsHint')}</p>
      {notice && (
        <p class="alert alert-success" role="status">
          {notice}
        </p>
      )}
      {failure ? <ErrorAlert error={failure} /> : null}
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <ExcludedTable
          rows={list.data}
          labelledBy="exclusions-heading"
          testId="exclusions"
          onLift={(row) =>
            run(
              () =>
                call<void>(`${props.contestPath}/exclusions/${encodeURIComponent(row.attemptId)}`, {
                  method: 'DELETE',
                }),
              t('lifted'),
            )
          }
        />
      )}
      <form class="form" noValidate onSubmit={onSubmit}>
        {prefilled && (
          <p class="hint" role="status" data-testid="exclusion-prefilled">
            {t('prefilled')}
          </p>
        )}
        <div class={`field${errors.attemptId ? ' invalid' : ''}`}>
          <label for="exclude-attempt">{t('excludeAttempt')}</label>
          <input
            id="exclude-attempt"
            value={attemptId}
            autoComplete="off"
            spellcheck={false}
            aria-invalid={errors.attemptId ? 'true' : undefined}
            aria-describedby={errors.attemptId ? 'exclude-attempt-error' : undefined}
            onInput={(e) => setAttemptId((e.target as HTMLInputElement).value)}
          />
          {errors.attemptId && (
            <p class="field-error" id="exclude-attempt-error">
              {errors.attemptId}
            </p>
          )}
        </div>
        <ReasonField
          id="exclude-reason"
          label={t('excludeReason')}
          value={reason}
          onInput={setReason}
          error={errors.reason ?? ''}
        />
        <div class="actions">
          <button type="submit" class="button secondary" disabled={busy}>
            {busy ? t('excluding') : t('exclude')}
          </button>
        </div>
      </form>
    </section>
  );
}
