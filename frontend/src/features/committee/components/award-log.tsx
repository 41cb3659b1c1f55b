import { adminApi } from '../../../lib/staff-session';
import { ErrorAlert } from '../../../lib/ui/error-alert';
import { Loading } from '../../../lib/ui/loading';
import { useLoad } from '../../../lib/use-load';
import { codeText, when } from '../format';
import { t } from '../messages';
import type { AwardLogEntry, CommitteeProps as Props } from '../types';

/** The award log: every change to the contest's lists (finalized, reopened, excluded, plan changed…), as the server lists it. */
export function AwardLog(props: Props & { contestPath: string; version: number }) {
  const call = adminApi(props.onUnauthorized);
  const log = useLoad(
    () => call<AwardLogEntry[]>(`${props.contestPath}/award-log`),
    `${props.contestPath}#log${props.version}`,
  );
  return (
    <section aria-labelledby="log-heading" class="panel">
      <h2 id="log-heading">{t('log')}</h2>
      {log.error ? (
        <ErrorAlert error={log.error} onRetry={log.reload} />
      ) : !log.data ? (
        <Loading />
      ) : log.data.length === 0 ? (
        <p>{t('logEmpty')}</p>
      ) : (
        <div class="table-scroll" tabIndex={0}>
          <table data-testid="award-log" aria-labelledby="log-heading">
            <thead>
              <tr>
                <th scope="col">{t('at')}</th>
                <th scope="col">{t('action')}</th>
                <th scope="col">{t('round')}</th>
                <th scope="col">{t('actor')}</th>
                <th scope="col">{t('detail')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.map((entry, i) => (
                <tr key={i}>
                  <td>{when(entry.at)}</td>
                  <td>{codeText('action_', entry.action)}</td>
                  <td>{entry.round ?? t('wholeContest')}</td>
                  <td>{entry.actor}</td>
                  <td class="wrap">{entry.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
