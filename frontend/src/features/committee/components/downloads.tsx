import { useState } from 'preact/hooks';
import { ApiError } from '../../../lib/api-client';
import { fetchFile, saveBlob } from '../../../lib/download';
import { ErrorAlert } from '../../../lib/ui/error-alert';
import { t } from '../messages';
import type { CommitteeProps as Props } from '../types';

/** The frozen list as CSV or XLSX, fetched with the credentials and saved under the server's name. */
export function Downloads(props: Props & { base: string }) {
  const [busy, setBusy] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    setFailure(null);
    try {
      const { blob, filename } = await fetchFile(`${props.base}/winners?format=${format}`);
      saveBlob(blob, filename);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) props.onUnauthorized();
      setFailure(error);
    } finally {
      setBusy('');
    }
  };
  return (
    <>
      <h3>{t('downloads')}</h3>
      <p class="actions">
        <button type="button" class="button secondary" disabled={!!busy} onClick={() => download('csv')}>
          {busy === 'csv' ? t('downloading') : t('downloadCsv')}
        </button>
        <button type="button" class="button secondary" disabled={!!busy} onClick={() => download('xlsx')}>
          {busy === 'xlsx' ? t('downloading') : t('downloadXlsx')}
        </button>
      </p>
      {failure ? <ErrorAlert error={failure} /> : null}
    </>
  );
}
