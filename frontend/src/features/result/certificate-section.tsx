import { useState } from 'preact/hooks';
import { api } from '../../lib/api-client';
import type { CertificateStatus } from '../../lib/api-types';
import { fetchFile, saveBlob } from '../../lib/download';
import { dateTime } from '../../lib/format';
import { ErrorAlert } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { useLoad } from '../../lib/use-load';
import { t } from './messages';

/**
 * The participant's certificate: the download when it is available, else when it will be,
 * and the personal link to come back with (the device keeps a submitted attempt's token only
 * until the tab is closed, and the certificate comes when the contest is over).
 */
export function CertificateSection(props: { attemptId: string; token: string }) {
  const headers = { 'X-Attempt-Token': props.token };
  const status = useLoad(
    () => api<CertificateStatus>(`/api/attempts/${props.attemptId}/certificate/status`, { headers }),
    `certificate-${props.attemptId}`,
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [code, setCode] = useState<string | null>(null);
  if (status.error) return <ErrorAlert error={status.error} onRetry={status.reload} />;
  if (!status.data) return <Loading />;
  const s = status.data;
  if (!s.offered) return null;

  const download = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const file = await fetchFile(`/api/attempts/${props.attemptId}/certificate`, headers);
      saveBlob(file.blob, file.filename);
      setCode(/giay-chung-nhan-([0-9A-Z]+)\.pdf/.exec(file.filename)?.[1] ?? null);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const link = `${location.origin}${location.pathname}#/certificate/${props.attemptId}/${props.token}`;
  return (
    <section aria-labelledby="certificate-heading" data-testid="certificate">
      <h2 id="certificate-heading">{t('certificate')}</h2>
      {s.available ? (
        <>
          <p>{s.prize ? t('certificateReadyPrize', { prize: s.prize }) : t('certificateReady')}</p>
          <div class="actions">
            <button class="button primary" type="button" disabled={busy} onClick={download}>
              {busy ? t('certificateDownloading') : t('certificateDownload')}
            </button>
          </div>
          {failure !== null && <ErrorAlert error={failure} />}
          {code && (
            <p role="status" data-testid="certificate-code">
              {t('certificateDownloaded')} <a href={`#/verify/${code}`}>{t('certificateVerify')}</a>
            </p>
          )}
        </>
      ) : s.qualifies ? (
        <p>{t('certificateLater', { at: dateTime(s.availableAt ?? '') })}</p>
      ) : (
        <p>
          {t('certificateRule', { min: s.minScore ?? 0 })}{' '}
          {s.bestScore != null && t('certificateBest', { score: s.bestScore, total: s.total ?? 0 })}
        </p>
      )}
      {!s.available && (
        <div class="certificate-link">
          <p>{t('certificateLink')}</p>
          <p>
            <a href={link} data-testid="certificate-link">
              <code>{link}</code>
            </a>
          </p>
        </div>
      )}
    </section>
  );
}
