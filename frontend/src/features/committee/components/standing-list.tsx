import { useState } from 'preact/hooks';
import { ApiError } from '../../../lib/api-client';
import { adminApi } from '../../../lib/staff-session';
import { ErrorAlert } from '../../../lib/ui/error-alert';
import { Loading } from '../../../lib/ui/loading';
import { useLoad } from '../../../lib/use-load';
import type { FlagKind } from '../integrity-flags';
import { when } from '../format';
import { t } from '../messages';
import type { CommitteeProps as Props, WinnersList } from '../types';
import { Downloads } from './downloads';
import { Reopen } from './reopen';
import { WinnersView } from './winners-view';

/** The scope's winners list: not yet finalized (finalize it, after a confirmation) or frozen. */
export function StandingList(
  props: Props & { base: string; scopeName: string; onChange: () => void; flagged: Map<string, FlagKind[]> },
) {
  const call = adminApi(props.onUnauthorized);
  const [version, setVersion] = useState(0);
  const standing = useLoad(
    () =>
      call<WinnersList>(`${props.base}/winners`).catch((error) => {
        if (error instanceof ApiError && error.code === 'AWARD_LIST_NOT_FOUND') return null;
        throw error;
      }),
    `${props.base}#${version}`,
  );
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const finalize = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await call<WinnersList>(`${props.base}/finalization`, { method: 'POST', body: {} });
      setConfirming(false);
      setNotice(t('justFinalized'));
      setVersion((v) => v + 1);
      props.onChange();
    } catch (error) {
      setConfirming(false);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="standing-heading">
      <h2 id="standing-heading">
        {t('standing')}: {props.scopeName}
      </h2>
      {notice && (
        <p class="alert alert-success" role="status">
          {notice}
        </p>
      )}
      {failure ? <ErrorAlert error={failure} /> : null}
      {standing.error ? (
        <ErrorAlert error={standing.error} onRetry={standing.reload} />
      ) : standing.data === undefined ? (
        <Loading />
      ) : standing.data === null ? (
        <>
          <p data-testid="list-state">{t('notFinalized')}</p>
          {!confirming ? (
            <p class="actions">
              <button
                type="button"
                class="button primary"
                onClick={() => {
                  setConfirming(true);
                  setNotice('');
                  setTimeout(() => document.getElementById('confirm-heading')?.focus(), 0);
                }}
              >
                {t('finalize')}
              </button>
            </p>
          ) : (
            <div class="confirm-box" role="group" aria-labelledby="confirm-heading">
              <h3 id="confirm-heading" tabIndex={-1}>
                {t('finalizeConfirmTitle', { scope: props.scopeName })}
              </h3>
              <p>{t('finalizeConfirmText')}</p>
              <div class="actions">
                <button type="button" class="button primary" disabled={busy} onClick={finalize}>
                  {busy ? t('finalizing') : t('confirmFinalize')}
                </button>
                <button type="button" class="button secondary" onClick={() => setConfirming(false)}>
                  {t('cancel')}
                </button>
              </div>
            </div>
          )}
        </>
      ) : (
        <>
          <p data-testid="list-state">{t('finalized')}</p>
          <WinnersView list={standing.data} flagged={props.flagged} />
          {standing.data.redactedAt ? (
            <p class="alert" data-testid="redacted">
              {t('redacted', { at: when(standing.data.redactedAt) })}
            </p>
          ) : (
            <Downloads {...props} />
          )}
          <Reopen
            {...props}
            onReopened={() => {
              setNotice(t('reopened'));
              setVersion((v) => v + 1);
              props.onChange();
            }}
          />
        </>
      )}
    </section>
  );
}
