import { useState } from 'preact/hooks';
import { ApiError, type FieldError } from '../../lib/api-client';
import { publicBankWarning } from '../../lib/contest-warnings';
import { ErrorAlert, errorText } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { Section } from '../../lib/ui/section';
import { useLoad } from '../../lib/use-load';
import type { ContestForm } from './contest-form-model';
import { t } from './messages';
import { adminApi } from '../../lib/staff-session';
import { ArticleImport } from './article-import';
import { ContestTabs } from './contest-tabs';
import { PublicBankWarning } from './public-bank-warning';
import { importWarningText, type ImportWarning } from './import-warnings';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * What an import did (docs/api.md): `retired` public questions the file replaced, `public` the bank's flag now,
 * `warnings` the cues in the file that give answers away.
 */
interface ImportResult {
  bank: string;
  imported: number;
  retired: number;
  public: boolean;
  /** Cues that give answers away, imported all the same. */
  warnings?: ImportWarning[];
}

export interface BankQuestion {
  id: number;
  code: string;
  chapter: number;
  article: number;
  text: string;
  options: string[];
  correctOption: number;
  explanation: string;
}

/** The Content-Type to send a question file with, by its name (or its type, if the browser knows). */
export function questionFileType(file: { name: string; type: string }): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx') || file.type === XLSX) return XLSX;
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'text/csv';
  return null;
}

export function QuestionsPage(props: { slug: string; onUnauthorized: () => void }) {
  const call = adminApi(props.onUnauthorized);
  const contest = useLoad(() => call<ContestForm>(`/api/admin/contests/${encodeURIComponent(props.slug)}`), props.slug);
  // an import of the organizers' own file makes the bank private: the warning goes at once
  const [imported, setImported] = useState<ImportResult | null>(null);
  const heading = t('importTitle', { title: contest.data?.title ?? props.slug });
  const publicBank = imported && !imported.public ? null : publicBankWarning(contest.data?.warnings);
  return (
    <>
      <PageHeading title={heading}>{heading}</PageHeading>
      <ContestTabs slug={props.slug} current="questions" />
      {contest.error ? <ErrorAlert error={contest.error} onRetry={contest.reload} /> : null}
      {publicBank && <PublicBankWarning slug={props.slug} bank={publicBank.bank} onQuestionsPage />}
      <ImportSection {...props} onImported={setImported} />
      <ArticleImport {...props} />
      <DrawPreview {...props} />
    </>
  );
}

function ImportSection(props: {
  slug: string;
  onUnauthorized: () => void;
  onImported: (result: ImportResult) => void;
}) {
  const call = adminApi(props.onUnauthorized);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [rejected, setRejected] = useState<{ text: string; rows: FieldError[] } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setResult(null);
    setRejected(null);
    setFailure(null);
    const type = file ? questionFileType(file) : null;
    if (!file || !type) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const done = await call<ImportResult>(`/api/admin/contests/${encodeURIComponent(props.slug)}/questions`, {
        method: 'POST',
        rawBody: file,
        contentType: type,
        timeoutMs: 60_000,
      });
      setResult(done);
      props.onImported(done);
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
    <Section id="import-heading" title={t('importHeading')}>
      <p class="hint">{t('importHint')}</p>
      <form class="form" noValidate onSubmit={onSubmit}>
        <div class={`field${missing ? ' invalid' : ''}`}>
          <label for="question-file">{t('file')}</label>
          <input
            id="question-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={missing ? 'true' : undefined}
            aria-describedby={missing ? 'question-file-error' : undefined}
            onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)}
          />
          {missing && (
            <p class="field-error" id="question-file-error">
              {t('chooseFile')}
            </p>
          )}
        </div>
        <div class="actions">
          <button class="button primary" type="submit" disabled={busy}>
            {busy ? t('importing') : t('import')}
          </button>
        </div>
      </form>
      {result && (
        <p class="alert alert-success" role="status" data-testid="import-result">
          {t('imported', { n: result.imported, bank: result.bank })}
          {result.retired > 0 && ` ${t('retired', { n: result.retired })}`}
        </p>
      )}
      {result?.warnings && result.warnings.length > 0 && <ImportWarnings warnings={result.warnings} />}
      {failure ? <ErrorAlert error={failure} /> : null}
      {rejected && (
        <div class="alert alert-error" role="alert" data-testid="import-errors">
          <p>{rejected.text}</p>
          <div class="table-scroll" tabIndex={0}>
            <table>
              <caption class="sr-only">{t('rejected', { n: rejected.rows.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('errorWhere')}</th>
                  <th scope="col">{t('errorWhat')}</th>
                </tr>
              </thead>
              <tbody>
                {rejected.rows.map((row, i) => (
                  <tr key={i}>
                    <td>{row.field}</td>
                    <td>{row.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Section>
  );
}

function ImportWarnings(props: { warnings: ImportWarning[] }) {
  return (
    <div class="alert alert-warning" role="status" data-testid="import-warnings">
      <p>{t('importWarnings', { n: props.warnings.length })}</p>
      <ul>
        {props.warnings.map((warning) => (
          <li key={warning.code} data-code={warning.code}>
            {importWarningText(warning)}
            {warning.questions.length > 0 && (
              <>
                {' '}
                <span class="muted">{t('warnQuestions', { codes: warning.questions.join(', ') })}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function DrawPreview(props: { slug: string; onUnauthorized: () => void }) {
  const call = adminApi(props.onUnauthorized);
  const [state, setState] = useState<{ busy?: boolean; questions?: BankQuestion[]; error?: unknown }>({});
  const draw = async () => {
    setState({ busy: true, questions: state.questions });
    try {
      setState({
        questions: await call<BankQuestion[]>(
          `/api/admin/contests/${encodeURIComponent(props.slug)}/questions/draw-preview`,
        ),
      });
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <Section id="draw-heading" title={t('drawHeading')}>
      <p class="hint">{t('drawHint')}</p>
      <p class="actions">
        <button type="button" class="button secondary" onClick={draw} disabled={state.busy}>
          {state.questions ? t('drawAgain') : t('draw')}
        </button>
      </p>
      {state.busy && <Loading />}
      {state.error ? <ErrorAlert error={state.error} /> : null}
      {state.questions && (
        <>
          <p role="status">{t('drawCount', { n: state.questions.length })}</p>
          <ol class="draw-preview" data-testid="draw-preview">
            {state.questions.map((q, i) => (
              <li key={q.id} class="drawn-question">
                <h3>
                  {t('questionN', { n: i + 1 })}{' '}
                  <span class="muted">
                    · {q.code} · {t('articleText', { chapter: q.chapter, article: q.article })}
                  </span>
                </h3>
                <p>{q.text}</p>
                <ol class="drawn-options" type="A">
                  {q.options.map((option, j) => (
                    <li
                      key={j}
                      class={j + 1 === q.correctOption ? 'correct' : undefined}
                      data-correct={j + 1 === q.correctOption ? 'true' : undefined}
                    >
                      {option}
                      {j + 1 === q.correctOption && <strong> ✓ {t('correct')}</strong>}
                    </li>
                  ))}
                </ol>
                {q.explanation && <p class="hint">{q.explanation}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
    </Section>
  );
}
