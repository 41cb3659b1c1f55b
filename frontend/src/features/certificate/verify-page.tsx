import { useState } from 'preact/hooks';
import { ApiError, api } from '../../lib/api-client';
import type { CertificateVerification } from '../../lib/api-types';
import { dateTime } from '../../lib/format';
import { navigate } from '../../lib/router';
import { ErrorAlert } from '../../lib/ui/error-alert';
import { Field } from '../../lib/ui/field';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { useLoad } from '../../lib/use-load';
import { type MessageKey, t } from './messages';

/** The public page a certificate's QR code points at: what its code says, and a box for another. */
export function VerifyPage(props: { code?: string }) {
  const [typed, setTyped] = useState(props.code ?? '');
  return (
    <>
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <form
        class="form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const code = typed.trim();
          if (code) navigate(`/verify/${encodeURIComponent(code)}`);
        }}
      >
        <Field name="code" label={t('code')} hint={t('codeHint')} value={typed} onInput={setTyped} errors={{}} />
        <div class="actions">
          <button class="button primary" type="submit">
            {t('check')}
          </button>
        </div>
      </form>
      {props.code && <Verification key={props.code} code={props.code} />}
    </>
  );
}

function Verification(props: { code: string }) {
  const found = useLoad(
    () => api<CertificateVerification>(`/api/certificates/${encodeURIComponent(props.code)}`),
    props.code,
  );
  if (found.error instanceof ApiError && found.error.status === 404) {
    return (
      <p class="alert alert-error" role="alert" data-testid="verification">
        {t('notFound')}
      </p>
    );
  }
  if (found.error) return <ErrorAlert error={found.error} onRetry={found.reload} />;
  if (!found.data) return <Loading />;
  const v = found.data;
  return (
    <section aria-labelledby="verification-heading" data-testid="verification">
      <h2 id="verification-heading" class={v.valid ? 'ok' : 'error'}>
        {v.valid ? t('valid') : t('invalid')}
      </h2>
      {v.reason && (
        <p class="alert alert-error" role="status">
          {t(`reason_${v.reason}` as MessageKey)}
        </p>
      )}
      <dl class="verification">
        <dt>{t('name')}</dt>
        <dd>{v.name}</dd>
        <dt>{t('contest')}</dt>
        <dd>{v.contest}</dd>
        <dt>{t('score')}</dt>
        <dd>{t('scoreValue', { score: v.score, total: v.total })}</dd>
        {v.prize && (
          <>
            <dt>{t('prize')}</dt>
            <dd>{v.prize}</dd>
          </>
        )}
        <dt>{t('issuedAt')}</dt>
        <dd>{dateTime(v.issuedAt)}</dd>
        <dt>{t('shownCode')}</dt>
        <dd>
          <code>{v.code}</code>
        </dd>
      </dl>
    </section>
  );
}
