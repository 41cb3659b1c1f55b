import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api-client';
import { adminApi } from '../../lib/staff-session';
import { fetchFile, saveBlob } from '../../lib/download';
import { durationText, number } from '../../lib/format';
import { intlLocale } from '../../lib/i18n';
import { ErrorAlert, Loading, PageHeading, useLoad } from '../../lib/ui';
import { vietnamDateTime } from '../../lib/vietnam-time';
import {
  evidenceText,
  exclusionReason,
  FLAG_KINDS,
  kindsByAttempt,
  kindText,
  type FlagKind,
  type IntegrityFlag,
  type IntegrityReport,
} from './integrity-flags';
import { rankReasonText, t, type MessageKey } from './messages';
import type { AwardLogEntry, ContestRounds, Excluded, WinnersList } from './types';

interface Props {
  onUnauthorized: () => void;
}

const when = (iso: string | null | undefined) => vietnamDateTime(iso, intlLocale());
const tr = (prefix: string, code: string) => {
  const key = `${prefix}${code}` as MessageKey;
  const text = t(key);
  return text === key ? code : text;
};

export function CommitteeHome(props: Props) {
  const call = adminApi(props.onUnauthorized);
  const { data, error, reload } = useLoad(
    () => call<{ slug: string; title: string; status: string }[]>('/api/admin/contests'),
    'committee-contests',
  );
  return (
    <>
      <PageHeading title={t('homeTitle')}>{t('homeTitle')}</PageHeading>
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : data.length === 0 ? (
        <p>{t('noContests')}</p>
      ) : (
        <ul class="cards">
          {data.map((c) => (
            <li class="card" key={c.slug}>
              <a href={`#/committee/${encodeURIComponent(c.slug)}`}>{c.title}</a> <span class="muted">({c.slug})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function CommitteePage(props: Props & { slug: string }) {
  const call = adminApi(props.onUnauthorized);
  const contestPath = `/api/admin/contests/${encodeURIComponent(props.slug)}`;
  const contest = useLoad(() => call<ContestRounds>(contestPath), props.slug);
  const title = t('title', { title: contest.data?.title ?? props.slug });
  if (contest.error) {
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <ErrorAlert error={contest.error} onRetry={contest.reload} />
      </>
    );
  }
  if (!contest.data) return <Loading />;
  return <CommitteeReview {...props} contest={contest.data} contestPath={contestPath} title={title} />;
}

function CommitteeReview(props: Props & { contest: ContestRounds; contestPath: string; title: string }) {
  const call = adminApi(props.onUnauthorized);
  const { contestPath, title } = props;
  const [scope, setScope] = useState<string>('');
  const [logVersion, setLogVersion] = useState(0);
  const [prefill, setPrefill] = useState<Prefill | null>(null);
  const rounds = props.contest.rounds;
  const chosen = scope || (rounds.length > 0 ? String(rounds[0].number) : 'contest');
  const round = rounds.find((r) => String(r.number) === chosen);
  const flagsPath = `${contestPath}/integrity-flags${round ? `?round=${round.number}` : ''}`;
  const flags = useLoad(() => call<IntegrityReport>(flagsPath), `${flagsPath}#${logVersion}`);
  const scopeName = round ? t('roundN', { n: round.number, name: round.name }) : t('wholeContest');
  const base = round ? `${contestPath}/rounds/${round.number}` : contestPath;
  const changed = () => setLogVersion((v) => v + 1);
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <div class="committee-bar">
        <label class="inline-field">
          {t('scope')}{' '}
          <select value={chosen} onChange={(e) => setScope((e.target as HTMLSelectElement).value)} data-testid="scope">
            {rounds.map((r) => (
              <option key={r.number} value={String(r.number)}>
                {t('roundN', { n: r.number, name: r.name })}
              </option>
            ))}
            <option value="contest">{t('wholeContest')}</option>
          </select>
        </label>
      </div>
      <StandingList
        key={base}
        {...props}
        base={base}
        scopeName={scopeName}
        onChange={changed}
        flagged={kindsByAttempt(flags.data?.flags ?? [])}
      />
      <IntegrityFlags
        report={flags}
        scopeName={scopeName}
        onExclude={(flag) => setPrefill({ attemptId: flag.attemptId, reason: exclusionReason(flag) })}
      />
      <Exclusions {...props} contestPath={contestPath} version={logVersion} onChange={changed} prefill={prefill} />
      <AwardLog {...props} contestPath={contestPath} version={logVersion} />
    </>
  );
}

/** An exclusion the committee is about to make from a flag: its attempt and a reason to edit. */
interface Prefill {
  attemptId: string;
  reason: string;
}

function StandingList(
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

function WinnersView(props: { list: WinnersList; flagged: Map<string, FlagKind[]> }) {
  const { list } = props;
  const chain = [...list.tieBreak, 'ATTEMPT_ID'].map((step) => tr('tb_', step)).join(' → ');
  return (
    <>
      <h3>{t('facts')}</h3>
      <dl class="facts" data-testid="list-facts">
        <dt>{t('ruleRevision')}</dt>
        <dd>{list.ruleRevision}</dd>
        <dt>{t('tieBreak')}</dt>
        <dd>{chain}</dd>
        <dt>{t('actualPrediction')}</dt>
        <dd>{list.actualPrediction ?? '—'}</dd>
        <dt>{t('ranked')}</dt>
        <dd>{list.ranked}</dd>
        <dt>{t('finalizedBy')}</dt>
        <dd>{list.finalizedBy}</dd>
        <dt>{t('finalizedAt')}</dt>
        <dd>{when(list.finalizedAt)}</dd>
        <dt>{t('timeZone')}</dt>
        <dd>{list.timeZone}</dd>
        <dt>{t('sha256')}</dt>
        <dd>
          <code data-testid="sha256">{list.sha256}</code>
        </dd>
      </dl>
      <TableSection
        id="winners-heading"
        title={t('winners')}
        empty={list.winners.length === 0}
        emptyText={t('noWinners')}
        testId="winners"
        headers={[
          'rank',
          'prize',
          'name',
          'unit',
          'district',
          'phone',
          'score',
          'duration',
          'prediction',
          'actualValue',
          'distance',
          'submittedAt',
          'reason',
          'flags',
        ]}
      >
        {list.winners.map((w) => (
          <tr
            key={w.attemptId}
            data-attempt={w.attemptId}
            data-flagged={props.flagged.has(w.attemptId) ? 'true' : undefined}
          >
            <td class="num">{w.rank}</td>
            <td>{w.prize}</td>
            <td>{w.fullName}</td>
            <td>
              {w.unitName} <span class="muted">({w.unitCode})</span>
            </td>
            <td>{w.district}</td>
            <td>{w.phone ?? '—'}</td>
            <td class="num">{w.score}</td>
            <td class="num">{durationText(w.durationMs, { min: t('minutes'), sec: t('seconds') })}</td>
            <td class="num">{w.prediction == null ? '—' : number(w.prediction)}</td>
            <td class="num">{w.actualValue == null ? '—' : number(w.actualValue)}</td>
            <td class="num">{w.predictionDistance == null ? '—' : number(w.predictionDistance)}</td>
            <td>{when(w.submittedAt)}</td>
            <td class="wrap" data-reason={w.rankReason}>
              {rankReasonText(w.rankReason)}
            </td>
            <td>
              <FlagMark kinds={props.flagged.get(w.attemptId)} />
            </td>
          </tr>
        ))}
      </TableSection>
      <TableSection
        id="unit-prizes-heading"
        title={t('unitPrizes')}
        empty={list.unitPrizes.length === 0}
        testId="unit-prizes"
        headers={['rank', 'prize', 'criterion', 'unit', 'participants', 'headcount', 'rate']}
      >
        {list.unitPrizes.map((u) => (
          <tr key={`${u.criterion}-${u.unitCode}`}>
            <td class="num">{u.rank}</td>
            <td>{u.prize}</td>
            <td>{tr('criterion_', u.criterion)}</td>
            <td>
              {u.unitName} <span class="muted">({u.unitCode})</span>
            </td>
            <td class="num">{u.participants}</td>
            <td class="num">{u.headcount ?? '—'}</td>
            <td class="num">{u.participationRate == null ? '—' : number(u.participationRate, 2)}</td>
          </tr>
        ))}
      </TableSection>
      <TableSection
        id="passed-over-heading"
        title={t('passedOver')}
        empty={list.passedOver.length === 0}
        headers={['rank', 'name', 'unit', 'heldPrize', 'attemptId']}
      >
        {list.passedOver.map((p) => (
          <tr key={p.attemptId}>
            <td class="num">{p.rank}</td>
            <td>{p.fullName}</td>
            <td>{p.unitCode}</td>
            <td>{p.heldPrize}</td>
            <td>
              <code>{p.attemptId}</code>
            </td>
          </tr>
        ))}
      </TableSection>
      <TableSection
        id="superseded-heading"
        title={t('superseded')}
        empty={list.superseded.length === 0}
        headers={['name', 'heldPrize', 'attemptId']}
      >
        {list.superseded.map((s) => (
          <tr key={s.attemptId}>
            <td>{s.fullName}</td>
            <td>{s.heldPrize}</td>
            <td>
              <code>{s.attemptId}</code>
            </td>
          </tr>
        ))}
      </TableSection>
      <h3 id="excluded-heading">{t('excluded')}</h3>
      <ExcludedTable rows={list.excluded} labelledBy="excluded-heading" />
    </>
  );
}

/** A winner's warning signs, or a dash. */
function FlagMark(props: { kinds?: FlagKind[] }) {
  if (!props.kinds || props.kinds.length === 0) return <span class="muted">{t('noFlag')}</span>;
  const kinds = props.kinds.map(kindText).join(', ');
  return (
    <span class="badge flag-mark" data-testid="winner-flag">
      <span aria-hidden="true">⚠ </span>
      {t('flaggedWinner', { kinds })}
    </span>
  );
}

/** The round's (or the contest's) warning signs, each with its evidence and a way to exclude the attempt. */
function IntegrityFlags(props: {
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

/** A heading, then its table, or a sentence when there is nothing to show. */
function TableSection(props: {
  id: string;
  title: string;
  headers: MessageKey[];
  empty: boolean;
  emptyText?: string;
  testId?: string;
  children: ComponentChildren;
}) {
  return (
    <>
      <h3 id={props.id}>{props.title}</h3>
      {props.empty ? (
        <p>{props.emptyText ?? t('none')}</p>
      ) : (
        <div class="table-scroll" tabIndex={0}>
          <table class="compact" data-testid={props.testId} aria-labelledby={props.id}>
            <thead>
              <tr>
                {props.headers.map((key) => (
                  <th scope="col" key={key}>
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{props.children}</tbody>
          </table>
        </div>
      )}
    </>
  );
}

function ExcludedTable(props: {
  rows: Excluded[];
  labelledBy: string;
  onLift?: (row: Excluded) => void;
  testId?: string;
}) {
  if (props.rows.length === 0) return <p>{props.onLift ? t('noExclusions') : t('none')}</p>;
  return (
    <div class="table-scroll" tabIndex={0}>
      <table aria-labelledby={props.labelledBy} data-testid={props.testId}>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('why')}</th>
            <th scope="col">{t('excludedBy')}</th>
            <th scope="col">{t('excludedAt')}</th>
            <th scope="col">{t('attemptId')}</th>
            {props.onLift && (
              <th scope="col">
                <span class="sr-only">{t('lift', { name: '' })}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.attemptId}>
              <td>{row.fullName}</td>
              <td class="wrap">{row.reason}</td>
              <td>{row.excludedBy}</td>
              <td>{when(row.excludedAt)}</td>
              <td>
                <code>{row.attemptId}</code>
              </td>
              {props.onLift && (
                <td>
                  <button type="button" class="button secondary" onClick={() => props.onLift?.(row)}>
                    {t('lift', { name: row.fullName })}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Downloads(props: Props & { base: string }) {
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

function ReasonField(props: { id: string; label: string; value: string; onInput: (v: string) => void; error: string }) {
  return (
    <div class={`field${props.error ? ' invalid' : ''}`}>
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        rows={2}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onInput={(e) => props.onInput((e.target as HTMLTextAreaElement).value)}
      />
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

function Reopen(props: Props & { base: string; onReopened: () => void }) {
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

function Exclusions(
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

function AwardLog(props: Props & { contestPath: string; version: number }) {
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
                  <td>{tr('action_', entry.action)}</td>
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
