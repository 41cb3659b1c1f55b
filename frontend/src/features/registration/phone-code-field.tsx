import { useState } from 'preact/hooks';
import { api, ApiError } from '../../lib/api-client';
import { intlLocale } from '../../lib/i18n';
import { errorText } from '../../lib/ui/error-alert';
import { t } from './messages';
import {
  cleanCode,
  codeLooksValid,
  needsNewCode,
  proofOf,
  sentToThisPhone,
  tokenFor,
  type CodeSent,
  type PhoneProof,
  type PhoneVerified,
} from './phone-code';
import { phoneE164 } from './validation';

/** Where the page moves focus to ask for the code: the code box, or the button that sends one. */
export function focusPhoneCode(): void {
  (document.getElementById('f-phoneCode') ?? document.getElementById('f-sendCode'))?.focus();
}

function timeOfDay(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

/**
 * The phone's one-time code, for a contest that verifies phones: "Send code", the code
 * box, "Confirm code"; then the proof goes up to the form, for the start.
 */
export function PhoneCodeField(props: {
  slug: string;
  /** the phone as typed in the form */
  phone: string;
  proof: PhoneProof | null;
  onProof: (proof: PhoneProof) => void;
  /** a problem with the phone itself, shown under the phone field */
  onPhoneError: (message: string) => void;
  /** the form's own message: the start was tried without a verified phone */
  error?: string;
  /** the person acts on the code: the form's message has had its say */
  onClearError: () => void;
}) {
  const [sent, setSent] = useState<{ to: string; expiresAt: string } | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<'sending' | 'checking' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/contests/${encodeURIComponent(props.slug)}/phone-codes`;
  const shown = error ?? props.error;

  if (tokenFor(props.proof, props.phone)) {
    return (
      <fieldset class="phone-code">
        <legend>{t('verifyTitle')}</legend>
        <p class="verified" role="status" data-testid="phone-verified">
          ✓ {t('verified', { phone: props.phone.trim() })}
        </p>
      </fieldset>
    );
  }

  const sentHere = sent !== null && sentToThisPhone(sent.to, props.phone);

  const sendCode = async () => {
    const phone = phoneE164(props.phone);
    if (!phone) {
      props.onPhoneError(props.phone.trim() ? t('phoneInvalid') : t('required'));
      document.getElementById('f-phone')?.focus();
      return;
    }
    setBusy('sending');
    setError(null);
    props.onClearError();
    try {
      const answer = await api<CodeSent>(base, { method: 'POST', body: { phone: props.phone.trim() } });
      setSent({ to: phone, expiresAt: answer.expiresAt });
      setCode('');
      setTimeout(() => document.getElementById('f-phoneCode')?.focus(), 0);
    } catch (failure) {
      const phoneProblem = failure instanceof ApiError ? failure.fieldMessages().phone : undefined;
      if (phoneProblem) {
        props.onPhoneError(phoneProblem);
        document.getElementById('f-phone')?.focus();
      } else {
        setError(errorText(failure));
      }
    } finally {
      setBusy(null);
    }
  };

  const checkCode = async () => {
    if (!codeLooksValid(code)) {
      setError(t('codeInvalid'));
      document.getElementById('f-phoneCode')?.focus();
      return;
    }
    setBusy('checking');
    setError(null);
    props.onClearError();
    try {
      const verified = await api<PhoneVerified>(`${base}/verify`, {
        method: 'POST',
        body: { phone: props.phone.trim(), code: cleanCode(code) },
      });
      const proof = proofOf(props.phone, verified);
      if (proof) {
        props.onProof(proof);
        setTimeout(() => document.getElementById('f-unitCode')?.focus(), 0);
      }
    } catch (failure) {
      setError(errorText(failure));
      if (failure instanceof ApiError && needsNewCode(failure.code)) {
        setCode('');
        setTimeout(() => document.getElementById('f-sendCode')?.focus(), 0);
      } else {
        document.getElementById('f-phoneCode')?.focus();
      }
    } finally {
      setBusy(null);
    }
  };

  const describedBy = ['f-phoneCode-hint', shown ? 'f-phoneCode-error' : ''].filter(Boolean).join(' ');
  return (
    <fieldset class={`phone-code${shown ? ' invalid' : ''}`}>
      <legend>{t('verifyTitle')}</legend>
      <p class="hint" id="f-phoneCode-hint">
        {t('verifyHint')}
      </p>
      {sentHere && (
        <p role="status" data-testid="code-sent">
          {t('codeSent', { phone: props.phone.trim(), time: timeOfDay(sent.expiresAt) })}
        </p>
      )}
      {sentHere && (
        <div class={`field${shown ? ' invalid' : ''}`}>
          <label for="f-phoneCode">{t('code')}</label>
          <div class="code-row">
            <input
              id="f-phoneCode"
              name="phoneCode"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={7}
              value={code}
              onInput={(e) => setCode((e.target as HTMLInputElement).value)}
              onKeyDown={(e) => {
                // Enter confirms the code; it must not start the exam
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void checkCode();
                }
              }}
              aria-invalid={shown ? 'true' : undefined}
              aria-describedby={describedBy}
            />
            <button type="button" class="button primary" disabled={busy !== null} onClick={() => void checkCode()}>
              {busy === 'checking' ? t('checking') : t('checkCode')}
            </button>
          </div>
        </div>
      )}
      {shown && (
        <p class="field-error" id="f-phoneCode-error" role="alert">
          {shown}
        </p>
      )}
      <div>
        <button
          type="button"
          id="f-sendCode"
          class="button secondary"
          disabled={busy !== null}
          onClick={() => void sendCode()}
          aria-describedby={sentHere ? undefined : describedBy}
        >
          {busy === 'sending' ? t('sending') : sentHere ? t('resendCode') : t('sendCode')}
        </button>
      </div>
    </fieldset>
  );
}
