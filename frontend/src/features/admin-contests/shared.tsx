import type { ComponentChildren } from 'preact';
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

export function ContestTabs(props: { slug: string; current: 'edit' | 'questions' | 'prizes' }) {
  const slug = encodeURIComponent(props.slug);
  const tabs: [string, string, string][] = [
    ['edit', `#/manage/${slug}`, t('edit')],
    ['questions', `#/manage/${slug}/questions`, t('questions')],
    ['prizes', `#/manage/${slug}/prizes`, t('prizes')],
  ];
  return (
    <nav class="subnav" aria-label={props.slug}>
      <a href="#/manage">{t('back')}</a>
      {tabs.map(([key, href, label]) => (
        <a key={key} href={href} aria-current={key === props.current ? 'page' : undefined}>
          {label}
        </a>
      ))}
    </nav>
  );
}

export function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}
