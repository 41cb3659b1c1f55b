import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api-client';
import type { AdminContestSummary, ContestWarning } from '../../lib/api-types';
import { publicBankWarning } from '../../lib/contest-warnings';
import { intlLocale } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { ErrorAlert, errorText } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { useLoad } from '../../lib/use-load';
import { vietnamDateTime } from '../../lib/vietnam-time';
import {
  type ContestForm,
  type ContestStatus,
  type FormFields,
  type OverdueHandling,
  type PhoneVerification,
  REVIEW_POLICIES,
  type ReviewPolicy,
  emptyRound,
  emptyUnit,
  fieldsOf,
  newContestFields,
  requestOf,
} from './contest-form-model';
import { t, type MessageKey } from './messages';
import { Field, fieldId } from '../../lib/ui/field';
import { adminApi } from '../../lib/staff-session';
import { ContestTabs } from './contest-tabs';
import { PublicBankWarning } from './public-bank-warning';

interface PageProps {
  onUnauthorized: () => void;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  slug: 'slug',
  title: 'title',
  law: 'law',
  description: 'description',
  rules: 'rules',
  consentText: 'consentText',
  questionBank: 'questionBank',
  opensAt: 'opensAt',
  closesAt: 'closesAt',
  timeLimitMinutes: 'timeLimitMinutes',
  questionsPerAttempt: 'questionsPerAttempt',
  maxAttemptsPerRound: 'maxAttemptsPerRound',
  chapterQuotas: 'chapterQuotas',
  predictionQuestion: 'predictionQuestion',
  districts: 'districts',
  status: 'status',
  phoneVerification: 'phoneVerification',
  reviewPolicy: 'reviewPolicy',
  overdueHandling: 'overdueHandling',
  ranked: 'ranked',
  rounds: 'rounds',
  units: 'units',
  number: 'roundNumber',
  name: 'roundName',
  code: 'unitCode',
  parentCode: 'parentCode',
  headcount: 'headcount',
  'certificate.minScore': 'certificateMinScore',
  'certificate.issuer': 'certificateIssuer',
  'certificate.place': 'certificatePlace',
};

/** `units[0].code` → "Đơn vị 1: Mã đơn vị"; an unknown field name as is. */
function fieldLabel(field: string): string {
  const item = /^(rounds|units|districts)\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (!item) {
    return FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field;
  }
  const n = Number(item[2]) + 1;
  if (item[1] === 'districts') return `${t('districts')} (${n})`;
  const owner = item[1] === 'rounds' ? t('roundN', { n }) : t('unitN', { n });
  const part = item[3] === 'name' && item[1] === 'units' ? 'unitName' : item[3] ? FIELD_LABELS[item[3]] : undefined;
  return part ? `${owner}: ${t(part)}` : owner;
}

export function statusText(status: ContestStatus): string {
  return t(`status_${status}` as MessageKey);
}

export function ContestListPage(props: PageProps) {
  const call = adminApi(props.onUnauthorized);
  const { data, error, reload } = useLoad(() => call<AdminContestSummary[]>('/api/admin/contests'), 'admin-contests');
  return (
    <>
      <PageHeading title={t('listTitle')}>{t('listTitle')}</PageHeading>
      <p class="actions">
        <a class="button primary" href="#/manage/new">
          {t('newContest')}
        </a>
      </p>
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : data.length === 0 ? (
        <p>{t('noContests')}</p>
      ) : (
        <div class="table-scroll" tabIndex={0}>
          <table data-testid="admin-contests">
            <caption class="sr-only">{t('listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colTitle')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colWindow')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((c) => {
                const slug = encodeURIComponent(c.slug);
                return (
                  <tr key={c.slug}>
                    <td>
                      <a href={`#/manage/${slug}`}>{c.title}</a> <span class="muted">({c.slug})</span>
                    </td>
                    <td>
                      <span class={`badge status-${c.status.toLowerCase()}`}>{statusText(c.status)}</span>
                      {publicBankWarning(c.warnings) && (
                        <>
                          {' '}
                          <span class="badge badge-warning" data-testid="public-bank-badge">
                            {t('publicBankBadge')}
                          </span>
                        </>
                      )}
                    </td>
                    <td>
                      {vietnamDateTime(c.opensAt, intlLocale())} – {vietnamDateTime(c.closesAt, intlLocale())}
                    </td>
                    <td class="row-actions">
                      <a href={`#/manage/${slug}/questions`} aria-label={`${t('questions')}: ${c.title}`}>
                        {t('questions')}
                      </a>
                      <a href={`#/manage/${slug}/prizes`} aria-label={`${t('prizes')}: ${c.title}`}>
                        {t('prizes')}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Creates a contest (no `slug`) or edits one. */
export function ContestFormPage(props: PageProps & { slug?: string; created?: boolean }) {
  const call = adminApi(props.onUnauthorized);
  const loaded = useLoad(
    () =>
      props.slug ? call<ContestForm>(`/api/admin/contests/${encodeURIComponent(props.slug)}`) : Promise.resolve(null),
    props.slug ?? 'new',
  );
  const [fields, setFields] = useState<FormFields | null>(props.slug ? null : newContestFields());
  const [storedTitle, setStoredTitle] = useState('');
  const [warnings, setWarnings] = useState<ContestWarning[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ text: string; list: [string, string][] } | null>(null);
  const [notice, setNotice] = useState(props.created ? t('created') : '');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (loaded.data) {
      setFields(fieldsOf(loaded.data));
      setStoredTitle(loaded.data.title);
      setWarnings(loaded.data.warnings ?? []);
    }
  }, [loaded.data]);

  const heading = props.slug ? t('editTitle', { title: storedTitle || props.slug }) : t('createTitle');
  const publicBank = publicBankWarning(warnings);
  if (props.slug && loaded.error) {
    return (
      <>
        <PageHeading title={heading}>{heading}</PageHeading>
        <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      </>
    );
  }
  if (!fields) {
    return <Loading />;
  }

  const set = (patch: Partial<FormFields>) => setFields({ ...fields, ...patch });
  const setRound = (i: number, patch: Partial<FormFields['rounds'][number]>) =>
    set({ rounds: fields.rounds.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const setUnit = (i: number, patch: Partial<FormFields['units'][number]>) =>
    set({ units: fields.units.map((u, j) => (j === i ? { ...u, ...patch } : u)) });

  const showErrors = (byField: Record<string, string>, text: string) => {
    setErrors(byField);
    setProblem({ text, list: Object.entries(byField) });
    setTimeout(() => document.getElementById('form-problem')?.focus(), 0);
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setNotice('');
    const { form, errors: local } = requestOf(fields);
    if (Object.keys(local).length > 0) {
      const byField = { ...local, ...(local.chapterQuotas ? { chapterQuotas: t('chapterQuotasFormat') } : {}) };
      showErrors(byField, t('fixErrors', { n: Object.keys(byField).length }));
      return;
    }
    setBusy(true);
    try {
      if (props.slug) {
        const saved = await call<ContestForm>(`/api/admin/contests/${encodeURIComponent(props.slug)}`, {
          method: 'PUT',
          body: form,
        });
        setFields(fieldsOf(saved));
        setStoredTitle(saved.title);
        setWarnings(saved.warnings ?? []);
        setErrors({});
        setProblem(null);
        setNotice(t('saved', { at: vietnamDateTime(new Date().toISOString(), intlLocale()) }));
      } else {
        const saved = await call<ContestForm>('/api/admin/contests', { method: 'POST', body: form });
        navigate(`/manage/${encodeURIComponent(saved.slug ?? form.slug ?? '')}?created`);
      }
    } catch (failure) {
      if (failure instanceof ApiError && failure.errors.length > 0) {
        showErrors(failure.fieldMessages(), `${errorText(failure)} ${t('fixErrors', { n: failure.errors.length })}`);
      } else {
        setErrors({});
        setProblem({ text: errorText(failure), list: [] });
        setTimeout(() => document.getElementById('form-problem')?.focus(), 0);
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof FormFields, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      name={name}
      label={label}
      value={fields[name] as string}
      onInput={(value) => set({ [name]: value })}
      errors={errors}
      {...extra}
    />
  );

  return (
    <>
      <PageHeading title={heading}>{heading}</PageHeading>
      {props.slug && <ContestTabs slug={props.slug} current="edit" />}
      {props.slug && publicBank && <PublicBankWarning slug={props.slug} bank={publicBank.bank} />}
      {notice && (
        <p class="alert alert-success" role="status">
          {notice}
        </p>
      )}
      <form class="form manage-form" noValidate onSubmit={onSubmit}>
        {problem && (
          <div class="alert alert-error" role="alert" id="form-problem" tabIndex={-1} data-testid="form-problem">
            <p>{problem.text}</p>
            {problem.list.length > 0 && (
              <ul>
                {problem.list.map(([name, message]) => (
                  <li key={name}>
                    <a
                      href={`#${fieldId(name)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(fieldId(name))?.focus();
                      }}
                    >
                      {fieldLabel(name)}
                    </a>
                    : {message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <p class="hint">{t('timesNote')}</p>
        <fieldset class="group">
          <legend>{t('general')}</legend>
          {field('slug', t('slug'), { hint: t('slugHint'), readOnly: !!props.slug })}
          {field('title', t('title'))}
          {field('law', t('law'))}
          {field('description', t('description'), { multiline: true })}
          {field('rules', t('rules'), { multiline: true })}
          {field('consentText', t('consentText'), { multiline: true, hint: t('consentTextHint') })}
          {field('questionBank', t('questionBank'), { hint: t('slugHint').split('.')[0] + '.' })}
          <div class="field-row">
            {field('opensAt', t('opensAt'), { type: 'datetime-local' })}
            {field('closesAt', t('closesAt'), { type: 'datetime-local' })}
          </div>
          <div class="field-row">
            {field('timeLimitMinutes', t('timeLimitMinutes'), { type: 'number' })}
            {field('questionsPerAttempt', t('questionsPerAttempt'), { type: 'number' })}
            {field('maxAttemptsPerRound', t(fields.ranked ? 'maxAttemptsPerRound' : 'maxAttemptsPerRoundPractice'), {
              type: 'number',
            })}
          </div>
          {field('chapterQuotas', t('chapterQuotas'), { hint: t('chapterQuotasHint') })}
          {field('predictionQuestion', t(fields.ranked ? 'predictionQuestion' : 'predictionQuestionPractice'))}
          {field('districts', t('districts'), { multiline: true })}
          <div class={`field${errors.status ? ' invalid' : ''}`}>
            <label for={fieldId('status')}>{t('status')}</label>
            <select
              id={fieldId('status')}
              value={fields.status}
              onChange={(e) => set({ status: (e.target as HTMLSelectElement).value as ContestStatus })}
            >
              {(
                ['DRAFT', 'OPEN', 'CLOSED', ...(fields.status === 'FINALIZED' ? ['FINALIZED'] : [])] as ContestStatus[]
              ).map((s) => (
                <option key={s} value={s}>
                  {statusText(s)}
                </option>
              ))}
            </select>
            {errors.status && <p class="field-error">{errors.status}</p>}
          </div>
          <div class={`field${errors.phoneVerification ? ' invalid' : ''}`}>
            <label for={fieldId('phoneVerification')}>{t('phoneVerification')}</label>
            <p class="hint" id={`${fieldId('phoneVerification')}-hint`}>
              {t('phoneVerificationHint')}
            </p>
            <select
              id={fieldId('phoneVerification')}
              value={fields.phoneVerification}
              aria-describedby={`${fieldId('phoneVerification')}-hint`}
              onChange={(e) => set({ phoneVerification: (e.target as HTMLSelectElement).value as PhoneVerification })}
            >
              {(['OFF', 'REQUIRED'] as PhoneVerification[]).map((v) => (
                <option key={v} value={v}>
                  {t(`phoneVerification_${v}` as MessageKey)}
                </option>
              ))}
            </select>
            {errors.phoneVerification && <p class="field-error">{errors.phoneVerification}</p>}
          </div>
          <div class={`field${errors.reviewPolicy ? ' invalid' : ''}`}>
            <label for={fieldId('reviewPolicy')}>{t('reviewPolicy')}</label>
            <p class="hint" id={`${fieldId('reviewPolicy')}-hint`}>
              {t('reviewPolicyHint')}
            </p>
            <select
              id={fieldId('reviewPolicy')}
              value={fields.reviewPolicy}
              aria-describedby={`${fieldId('reviewPolicy')}-hint`}
              onChange={(e) => set({ reviewPolicy: (e.target as HTMLSelectElement).value as ReviewPolicy })}
            >
              {REVIEW_POLICIES.map((v) => (
                <option key={v} value={v}>
                  {t(`reviewPolicy_${v}` as MessageKey)}
                </option>
              ))}
            </select>
            {errors.reviewPolicy && <p class="field-error">{errors.reviewPolicy}</p>}
          </div>
          <div class={`field${errors.overdueHandling ? ' invalid' : ''}`}>
            <label for={fieldId('overdueHandling')}>{t('overdueHandling')}</label>
            <p class="hint" id={`${fieldId('overdueHandling')}-hint`}>
              {t('overdueHandlingHint')}
            </p>
            <select
              id={fieldId('overdueHandling')}
              value={fields.overdueHandling}
              aria-describedby={`${fieldId('overdueHandling')}-hint`}
              onChange={(e) => set({ overdueHandling: (e.target as HTMLSelectElement).value as OverdueHandling })}
            >
              {(['AUTO_SUBMIT', 'DISCARD'] as OverdueHandling[]).map((v) => (
                <option key={v} value={v}>
                  {t(`overdueHandling_${v}` as MessageKey)}
                </option>
              ))}
            </select>
            {errors.overdueHandling && <p class="field-error">{errors.overdueHandling}</p>}
          </div>
          <div class={`field${errors.ranked ? ' invalid' : ''}`}>
            <label for={fieldId('ranked')}>{t('ranked')}</label>
            <p class="hint" id={`${fieldId('ranked')}-hint`}>
              {t('rankedHint')}
            </p>
            <select
              id={fieldId('ranked')}
              value={fields.ranked ? 'RANKED' : 'PRACTICE'}
              aria-describedby={`${fieldId('ranked')}-hint`}
              onChange={(e) => set({ ranked: (e.target as HTMLSelectElement).value === 'RANKED' })}
            >
              <option value="RANKED">{t('ranked_RANKED')}</option>
              <option value="PRACTICE">{t('ranked_PRACTICE')}</option>
            </select>
            {errors.ranked && <p class="field-error">{errors.ranked}</p>}
          </div>
        </fieldset>

        <fieldset class="group" aria-describedby={errors.rounds ? 'rounds-error' : undefined}>
          <legend>{t('rounds')}</legend>
          {errors.rounds && (
            <p class="field-error" id="rounds-error">
              {errors.rounds}
            </p>
          )}
          {fields.rounds.map((round, i) => (
            <fieldset class="item" key={i} data-testid={`round-${i}`}>
              <legend>{t('roundN', { n: i + 1 })}</legend>
              <div class="field-row">
                <Field
                  name={`rounds[${i}].number`}
                  label={t('roundNumber')}
                  type="number"
                  value={round.number}
                  onInput={(v) => setRound(i, { number: v })}
                  errors={errors}
                />
                <Field
                  name={`rounds[${i}].name`}
                  label={t('roundName')}
                  value={round.name}
                  onInput={(v) => setRound(i, { name: v })}
                  errors={errors}
                />
              </div>
              <div class="field-row">
                <Field
                  name={`rounds[${i}].opensAt`}
                  label={t('opensAt')}
                  type="datetime-local"
                  value={round.opensAt}
                  onInput={(v) => setRound(i, { opensAt: v })}
                  errors={errors}
                />
                <Field
                  name={`rounds[${i}].closesAt`}
                  label={t('closesAt')}
                  type="datetime-local"
                  value={round.closesAt}
                  onInput={(v) => setRound(i, { closesAt: v })}
                  errors={errors}
                />
              </div>
              <button
                type="button"
                class="button secondary"
                onClick={() => set({ rounds: fields.rounds.filter((_, j) => j !== i) })}
              >
                {t('removeRound', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            class="button secondary"
            onClick={() =>
              set({
                rounds: [
                  ...fields.rounds,
                  emptyRound(Math.max(0, ...fields.rounds.map((r) => Number(r.number) || 0)) + 1),
                ],
              })
            }
          >
            {t('addRound')}
          </button>
        </fieldset>

        <fieldset class="group" aria-describedby={errors.units ? 'units-error' : undefined}>
          <legend>{t('units')}</legend>
          {errors.units && (
            <p class="field-error" id="units-error">
              {errors.units}
            </p>
          )}
          {fields.units.map((unit, i) => (
            <fieldset class="item" key={i} data-testid={`unit-${i}`}>
              <legend>{t('unitN', { n: i + 1 })}</legend>
              <div class="field-row">
                <Field
                  name={`units[${i}].code`}
                  label={t('unitCode')}
                  value={unit.code}
                  onInput={(v) => setUnit(i, { code: v })}
                  errors={errors}
                />
                <Field
                  name={`units[${i}].name`}
                  label={t('unitName')}
                  value={unit.name}
                  onInput={(v) => setUnit(i, { name: v })}
                  errors={errors}
                />
              </div>
              <div class="field-row">
                <Field
                  name={`units[${i}].parentCode`}
                  label={t('parentCode')}
                  value={unit.parentCode}
                  onInput={(v) => setUnit(i, { parentCode: v })}
                  errors={errors}
                />
                <Field
                  name={`units[${i}].headcount`}
                  label={t('headcount')}
                  type="number"
                  value={unit.headcount}
                  onInput={(v) => setUnit(i, { headcount: v })}
                  errors={errors}
                />
              </div>
              <button
                type="button"
                class="button secondary"
                onClick={() => set({ units: fields.units.filter((_, j) => j !== i) })}
              >
                {t('removeUnit', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button type="button" class="button secondary" onClick={() => set({ units: [...fields.units, emptyUnit()] })}>
            {t('addUnit')}
          </button>
        </fieldset>

        <fieldset class="group" data-testid="certificate-setting">
          <legend>{t('certificate')}</legend>
          <p class="hint">{t('certificateHint')}</p>
          <div class="field checkbox">
            <input
              type="checkbox"
              id={fieldId('certificate.enabled')}
              checked={fields.certificateEnabled}
              onChange={(e) => set({ certificateEnabled: (e.target as HTMLInputElement).checked })}
            />
            <label for={fieldId('certificate.enabled')}>{t('certificateEnabled')}</label>
          </div>
          {fields.certificateEnabled && (
            <>
              <Field
                name="certificate.minScore"
                label={t('certificateMinScore')}
                type="number"
                inputMode="numeric"
                value={fields.certificateMinScore}
                onInput={(v) => set({ certificateMinScore: v })}
                errors={errors}
              />
              <Field
                name="certificate.issuer"
                label={t('certificateIssuer')}
                hint={t('certificateIssuerHint')}
                value={fields.certificateIssuer}
                onInput={(v) => set({ certificateIssuer: v })}
                errors={errors}
              />
              <Field
                name="certificate.place"
                label={t('certificatePlace')}
                hint={t('certificatePlaceHint')}
                value={fields.certificatePlace}
                onInput={(v) => set({ certificatePlace: v })}
                errors={errors}
              />
            </>
          )}
        </fieldset>

        <div class="actions">
          <button class="button primary" type="submit" disabled={busy}>
            {busy ? t('saving') : t('save')}
          </button>
        </div>
      </form>
    </>
  );
}
