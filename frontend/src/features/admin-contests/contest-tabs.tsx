import { t } from './messages';

/** Links between the pages of one contest: its form, its questions, its prizes. */
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
