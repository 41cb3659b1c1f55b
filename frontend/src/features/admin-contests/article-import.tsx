import { useState } from 'preact/hooks';
import { ApiError, type FieldError } from '../../lib/api-client';
import { adminApi } from '../../lib/staff-session';
import { ErrorAlert, errorText } from '../../lib/ui/error-alert';
import { Section } from '../../lib/ui/section';
import { t } from './messages';

/** What a law-text import did (docs/api.md). */
interface ArticleImportResult {
  bank: string;
  chapters: number;
  articles: number;
}

/**
 * The law's own words that reviews show beside each question: a CSV of chapter titles and
 * article texts (docs/question-banks.md) replacing the bank's.
 */
export function ArticleImport(props: { slug: string; onUnauthorized: () => void }) {
  const call = adminApi(props.onUnauthorized);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ArticleImportResult | null>(null);
  const [rejected, setRejected] = useState<{ text: string; rows: FieldError[] } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setResult(null);
    setRejected(null);
    setFailure(null);
    if (!file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      setResult(
        await call<ArticleImportResult>(`/api/admin/contests/${encodeURIComponent(props.slug)}/questions/articles`, {
          method: 'POST',
          rawBody: file,
          contentType: 'text/csv',
          timeoutMs: 60_000,
        }),
      );
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        setRejected({ text: errorText(error), rows: error.errors });
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="articles-heading" title={t('articlesHeading')}>
      <p class="hint">{t('articlesHint')}</p>
      <form class="form" noValidate onSubmit={onSubmit}>
        <div class={`field${missing ? ' invalid' : ''}`}>
          <label for="articles-file">{t('articlesFile')}</label>
          <input
            id="articles-file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={missing ? 'true' : undefined}
            aria-describedby={missing ? 'articles-file-error' : undefined}
            onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)}
          />
          {missing && (
            <p class="field-error" id="articles-file-error">
              {t('chooseFile')}
            </p>
          )}
        </div>
        <div class="actions">
          <button class="button secondary" type="submit" disabled={busy}>
            {busy ? t('importing') : t('articlesImport')}
          </button>
        </div>
      </form>
      {result && (
        <p class="alert alert-success" role="status">
          {t('articlesImported', { chapters: result.chapters, articles: result.articles, bank: result.bank })}
        </p>
      )}
      {failure ? <ErrorAlert error={failure} /> : null}
      {rejected && (
        <div class="alert alert-error" role="alert">
          <p>{rejected.text}</p>
          <ul>
            {rejected.rows.map((row, i) => (
              <li key={i}>
                {row.field}: {row.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}
