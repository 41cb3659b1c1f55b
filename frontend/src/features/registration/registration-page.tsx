import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../../lib/api-client';
import type { AttemptStarted, ContestDetails } from '../../lib/api-types';
import { latestAttemptSession } from '../../lib/attempt-session';
import { deviceId, randomId } from '../../lib/device-id';
import { locale } from '../../lib/i18n';
import { ErrorAlert, errorText } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { useLoad } from '../../lib/use-load';
import { t } from './messages';
import { tokenFor, type PhoneProof } from './phone-code';
import { focusPhoneCode, PhoneCodeField } from './phone-code-field';
import { startAttempt, waitMinutes, type WaitingPlace } from './start-attempt';
import { maxBirthYear, registrationBody, validate, type FieldName, type RegistrationForm } from './validation';

const EMPTY: RegistrationForm = {
  fullName: '',
  phone: '',
  unitCode: '',
  district: '',
  birthYear: '',
  email: '',
  nationalId: '',
  consent: false,
};

const FIELD_ORDER: FieldName[] = [
  'fullName',
  'phone',
  'unitCode',
  'district',
  'birthYear',
  'email',
  'nationalId',
  'consent',
];

export function RegistrationPage(props: {
  slug: string;
  onStarted: (started: AttemptStarted, slug: string, receivedAt: number) => void;
}) {
  const { data, error, reload } = useLoad(
    () => api<ContestDetails>(`/api/contests/${encodeURIComponent(props.slug)}`),
    props.slug,
  );
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return <Form contest={data} onStarted={props.onStarted} />;
}

function Form(props: {
  contest: ContestDetails;
  onStarted: (started: AttemptStarted, slug: string, receivedAt: number) => void;
}) {
  const { contest } = props;
  const [form, setForm] = useState<RegistrationForm>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // the text shown, and its version: replaced when the organizers change it meanwhile
  const [consent, setConsent] = useState({ text: contest.consentText, version: contest.consentVersion });
  // a contest that verifies phones: the proof a code got, and the form's word about it
  const verifiesPhones = contest.phoneVerification === 'REQUIRED';
  const [proof, setProof] = useState<PhoneProof | null>(null);
  const [codeError, setCodeError] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  // the waiting room's line: where this press stands, and how to leave it
  const [waiting, setWaiting] = useState<WaitingPlace | null>(null);
  const leave = useRef<AbortController | null>(null);
  useEffect(() => () => leave.current?.abort(), []);

  const set = (field: FieldName, value: string | boolean) => {
    setForm({ ...form, [field]: value });
    if (errors[field]) {
      setErrors({ ...errors, [field]: undefined });
    }
  };

  const focusFirst = (fields: Partial<Record<FieldName, string>>) => {
    const first = FIELD_ORDER.find((f) => fields[f]);
    if (first) {
      (formRef.current?.querySelector(`[name="${first}"]`) as HTMLElement | null)?.focus();
    }
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    const problems = validate(form);
    const messages: Partial<Record<FieldName, string>> = {};
    for (const [field, key] of Object.entries(problems)) {
      messages[field as FieldName] = t(key, { max: maxBirthYear() });
    }
    setErrors(messages);
    if (Object.keys(messages).length > 0) {
      focusFirst(messages);
      return;
    }
    const phoneToken = tokenFor(proof, form.phone) ?? undefined;
    if (verifiesPhones && !phoneToken) {
      setCodeError(t('codeNeeded'));
      focusPhoneCode();
      return;
    }
    setBusy(true);
    const controller = new AbortController();
    leave.current = controller;
    let sentAt = Date.now();
    try {
      const started = await startAttempt({
        slug: contest.slug,
        body: registrationBody(form, consent.version, phoneToken),
        deviceId: deviceId(),
        // one key per press: every retry of this press, and its start once admitted
        // from the waiting room, is the same start
        idempotencyKey: randomId(),
        onWaiting: (place) => {
          setWaiting(place);
          sentAt = Date.now();
        },
        signal: controller.signal,
      });
      // the server's clock was read halfway through the round trip, as far as we can tell
      props.onStarted(started, contest.slug, (sentAt + Date.now()) / 2);
    } catch (failure) {
      setWaiting(null);
      if (controller.signal.aborted) {
        setBusy(false);
        return;
      }
      if (failure instanceof ApiError && failure.code === 'CONSENT_TEXT_CHANGED') {
        await showNewConsentText();
        return;
      }
      if (failure instanceof ApiError && failure.code === 'PHONE_NOT_VERIFIED') {
        // the proof expired meanwhile (or the phone was never verified): a new code
        setBusy(false);
        setProof(null);
        setCodeError(errorText(failure));
        setTimeout(focusPhoneCode, 0);
        return;
      }
      setBusy(false);
      if (failure instanceof ApiError && failure.errors.length > 0) {
        const byField = failure.fieldMessages();
        const known: Partial<Record<FieldName, string>> = {};
        for (const field of FIELD_ORDER) {
          if (byField[field]) known[field] = byField[field];
        }
        setErrors(known);
        setFormError(Object.keys(known).length === Object.keys(byField).length ? null : failure);
        focusFirst(known);
      } else {
        setFormError(failure);
      }
    }
  };

  /** The organizers changed the text: show the new one and ask again; the rest stays as typed. */
  const showNewConsentText = async () => {
    try {
      const fresh = await api<ContestDetails>(`/api/contests/${encodeURIComponent(contest.slug)}`);
      setConsent({ text: fresh.consentText, version: fresh.consentVersion });
      setForm({ ...form, consent: false });
      setErrors({ consent: t('consentChanged') });
      setTimeout(() => formRef.current?.querySelector<HTMLElement>('[name="consent"]')?.focus(), 0);
    } catch (failure) {
      setFormError(failure);
    } finally {
      setBusy(false);
    }
  };

  const mine = latestAttemptSession(contest.slug);
  const inProgress = formError instanceof ApiError && formError.code === 'ATTEMPT_IN_PROGRESS';

  const field = (name: FieldName, label: string, input: ComponentChildren, hint?: string, required = true) => (
    <div class={`field${errors[name] ? ' invalid' : ''}`}>
      <label for={`f-${name}`}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p class="hint" id={`f-${name}-hint`}>
          {hint}
        </p>
      )}
      {input}
      {errors[name] && (
        <p class="field-error" id={`f-${name}-error`} data-field-error={name}>
          {errors[name]}
        </p>
      )}
    </div>
  );

  const described = (name: FieldName, hint: boolean) =>
    [hint ? `f-${name}-hint` : '', errors[name] ? `f-${name}-error` : ''].filter(Boolean).join(' ') || undefined;

  const text = (
    name: 'fullName' | 'phone' | 'birthYear' | 'email' | 'nationalId',
    extra: Record<string, string | boolean>,
    hint: boolean,
    required = true,
  ) => (
    <input
      id={`f-${name}`}
      name={name}
      value={form[name]}
      onInput={(e) => set(name, (e.target as HTMLInputElement).value)}
      aria-invalid={errors[name] ? 'true' : undefined}
      aria-describedby={described(name, hint)}
      aria-required={required ? 'true' : undefined}
      {...extra}
    />
  );

  return (
    <>
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <p class="muted">{contest.title}</p>
      <p>{t('intro')}</p>
      <form ref={formRef} noValidate onSubmit={onSubmit} class="form">
        {field(
          'fullName',
          t('fullName'),
          text('fullName', { type: 'text', autocomplete: 'name', maxLength: '100' }, true),
          t('fullNameHint'),
        )}
        {field(
          'phone',
          t('phone'),
          text('phone', { type: 'tel', autocomplete: 'tel', inputMode: 'tel' }, true),
          t('phoneHint'),
        )}
        {verifiesPhones && (
          <PhoneCodeField
            slug={contest.slug}
            phone={form.phone}
            proof={proof}
            onProof={(verified) => {
              setProof(verified);
              setCodeError('');
            }}
            onPhoneError={(message) => setErrors({ ...errors, phone: message })}
            error={codeError || undefined}
            onClearError={() => setCodeError('')}
          />
        )}
        {field(
          'unitCode',
          t('unit'),
          <select
            id="f-unitCode"
            name="unitCode"
            value={form.unitCode}
            onChange={(e) => set('unitCode', (e.target as HTMLSelectElement).value)}
            aria-invalid={errors.unitCode ? 'true' : undefined}
            aria-describedby={described('unitCode', false)}
            aria-required="true"
          >
            <option value="">{t('chooseUnit')}</option>
            {contest.units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.name}
              </option>
            ))}
          </select>,
        )}
        {field(
          'district',
          t('district'),
          <select
            id="f-district"
            name="district"
            value={form.district}
            onChange={(e) => set('district', (e.target as HTMLSelectElement).value)}
            aria-invalid={errors.district ? 'true' : undefined}
            aria-describedby={described('district', false)}
            aria-required="true"
          >
            <option value="">{t('chooseDistrict')}</option>
            {contest.districts.map((district) => (
              <option key={district} value={district}>
                {district}
              </option>
            ))}
          </select>,
        )}
        {field(
          'birthYear',
          t('birthYear'),
          text('birthYear', { type: 'text', inputMode: 'numeric', autocomplete: 'bday-year', maxLength: '4' }, false),
        )}
        {field(
          'email',
          t('email'),
          text('email', { type: 'email', autocomplete: 'email' }, false, false),
          undefined,
          false,
        )}
        {field(
          'nationalId',
          t('nationalId'),
          text('nationalId', { type: 'text', inputMode: 'numeric', autocomplete: 'off' }, true, false),
          t('nationalIdHint'),
          false,
        )}
        <fieldset class={`consent${errors.consent ? ' invalid' : ''}`}>
          <legend>{t('consentTitle')}</legend>
          <p class="hint">{t('consentSource')}</p>
          <div id="f-consent-text" class="consent-text" data-version={consent.version}>
            {consent.text.split(/\n\s*\n/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
          <div class="checkbox">
            <input
              type="checkbox"
              id="f-consent"
              name="consent"
              checked={form.consent}
              onChange={(e) => set('consent', (e.target as HTMLInputElement).checked)}
              aria-invalid={errors.consent ? 'true' : undefined}
              aria-describedby={['f-consent-text', errors.consent ? 'f-consent-error' : ''].filter(Boolean).join(' ')}
            />
            <label for="f-consent">{t('consent')}</label>
          </div>
          {errors.consent && (
            <p class="field-error" id="f-consent-error" data-field-error="consent">
              {errors.consent}
            </p>
          )}
        </fieldset>
        {Object.values(errors).some(Boolean) && (
          <p class="field-error" role="alert">
            {t('fixErrors')}
          </p>
        )}
        {formError != null && (
          <div class="alert alert-error" role="alert">
            <p>{inProgress ? t('inProgress') : errorText(formError)}</p>
            {inProgress && mine && (
              <a class="button secondary" href={`#/exam/${mine.attemptId}`}>
                {t('continueExam')}
              </a>
            )}
          </div>
        )}
        {waiting && (
          <div class="alert waiting-room" role="status" data-testid="waiting-room">
            <p>
              <strong>{t('waitingPosition', { position: waiting.position.toLocaleString(locale()) })}</strong>{' '}
              {waitMinutes(waiting.estimatedWaitSeconds) === 0
                ? t('waitingUnderMinute')
                : t('waitingMinutes', { minutes: waitMinutes(waiting.estimatedWaitSeconds) })}
            </p>
            <p>{t('waitingHint')}</p>
            <button type="button" class="button secondary" onClick={() => leave.current?.abort()}>
              {t('leaveLine')}
            </button>
          </div>
        )}
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>
            {waiting ? t('waiting') : busy ? t('starting') : t('start')}
          </button>
          <a href={`#/c/${encodeURIComponent(contest.slug)}`}>{t('back')}</a>
        </div>
      </form>
    </>
  );
}
