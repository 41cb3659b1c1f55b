import { Fragment } from 'preact';
import { ErrorAlert } from '../../../lib/ui/error-alert';
import { Loading } from '../../../lib/ui/loading';
import { evidenceText, FLAG_KINDS, kindText, type IntegrityFlag, type IntegrityReport } from '../integrity-flags';
import { t } from '../messages';

/** The round's (or the contest's) warning signs, each with its evidence and a way to exclude the attempt. */
export function IntegrityFlagsPanel(props: {
  report: { data?: IntegrityReport; error?: unknown; reload: () => void };
  scopeName: string;
  onExclude: (flag: IntegrityFlag) => void;
}) {
  const { data, error, reload } = props.report;
  return (
    <section aria-labelledby="flags-heading" class="panel">
      <h2 id="flags-heading">{t('flagsTitle', { scope: props.scopeName })}</h2>
      <p class="hint">{t('flagsHint')}</p>
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : data.flags.length === 0 ? (
        <p data-testid="flags-state">{t('flagsNone')}</p>
      ) : (
        <>
          <p data-testid="flags-state">{t('flagsAttempts', { n: data.flaggedAttempts })}</p>
          <h3>{t('flagsSummary')}</h3>
          <dl class="facts" data-testid="flags-summary">
            {FLAG_KINDS.map((kind) => (
              <Fragment key={kind}>
                <dt>{kindText(kind)}</dt>
                <dd data-kind={kind}>{data.summary[kind] ?? 0}</dd>
              </Fragment>
            ))}
          </dl>
          <div class="table-scroll" tabIndex={0}>
            <table data-testid="integrity-flags" aria-labelledby="flags-heading">
              <thead>
                <tr>
                  <th scope="col">{t('flagKind')}</th>
                  <th scope="col">{t('flagPerson')}</th>
                  <th scope="col">{t('round')}</th>
                  <th scope="col">{t('score')}</th>
                  <th scope="col">{t('evidence')}</th>
                  <th scope="col">{t('attemptId')}</th>
                  <th scope="col">
                    <span class="sr-only">{t('exclude')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.flags.map((flag) => (
                  <tr key={`${flag.attemptId}-${flag.kind}`} data-kind={flag.kind} data-attempt={flag.attemptId}>
                    <td>{kindText(flag.kind)}</td>
                    <td>{flag.maskedName}</td>
                    <td class="num">{flag.roundNumber}</td>
                    <td class="num">{flag.score}</td>
                    <td class="wrap">
                      {evidenceText(flag)}
                      {flag.autoSubmitted && <span class="muted"> ({t('autoSubmitted')})</span>}
                      {flag.kind === 'IDENTICAL_ANSWERS' && flag.evidence.otherAttemptIds.length > 0 && (
                        <>
                          {' '}
                          {t('otherAttempts')}{' '}
                          {flag.evidence.otherAttemptIds.map((id, i) => (
                            <Fragment key={id}>
                              {i > 0 && ', '}
                              <code>{id}</code>
                            </Fragment>
                          ))}
                        </>
                      )}
                    </td>
                    <td>
                      <code>{flag.attemptId}</code>
                    </td>
                    <td>
                      {flag.excluded ? (
                        <span class="muted">{t('alreadyExcluded')}</span>
                      ) : (
                        <button type="button" class="button secondary small" onClick={() => props.onExclude(flag)}>
                          {t('excludeThis', { name: flag.maskedName })}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
