import { t } from './messages';

/**
 * The contest draws from a public question bank (shipped with the platform, answers
 * included): said at the top of its pages, with the way out.
 */
export function PublicBankWarning(props: { slug: string; bank: string; onQuestionsPage?: boolean }) {
  return (
    <div class="alert alert-warning" role="note" aria-labelledby="public-bank-title" data-testid="public-bank-warning">
      <p>
        <strong id="public-bank-title">{t('publicBankTitle')}.</strong> {t('publicBank', { bank: props.bank })}
      </p>
      {props.onQuestionsPage ? (
        <p>{t('publicBankImportHint')}</p>
      ) : (
        <p>
          <a href={`#/manage/${encodeURIComponent(props.slug)}/questions`}>{t('publicBankImport')}</a>
        </p>
      )}
    </div>
  );
}
