import { ApiError, api } from '../../lib/api-client';
import type { ContestDetails } from '../../lib/api-types';
import { dateTime, optionLetter, romanNumeral } from '../../lib/format';
import { ErrorAlert } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { useLoad } from '../../lib/use-load';
import { t } from './messages';
import './answer-key.css';

/** `GET /api/contests/{slug}/answer-key` (docs/api.md). */
interface AnswerKey {
  contest: string;
  questions: KeyQuestion[];
  chapters: { chapter: number; title: string | null }[];
}

interface KeyQuestion {
  id: number;
  code: string;
  text: string;
  options: { id: number; text: string }[];
  correctOptionId: number;
  explanation: string;
  chapter: number;
  article: number;
  articleTitle: string | null;
}

/**
 * A contest's answer key (đáp án), chapter by chapter, once its review policy publishes it;
 * printable (the site's header, footer and buttons are left off the paper).
 */
export function AnswerKeyPage(props: { slug: string }) {
  const slug = encodeURIComponent(props.slug);
  const contest = useLoad(() => api<ContestDetails>(`/api/contests/${slug}`), `contest-${props.slug}`);
  const key = useLoad(() => api<AnswerKey>(`/api/contests/${slug}/answer-key`), `key-${props.slug}`);
  const title = contest.data ? t('titleOf', { contest: contest.data.title }) : t('title');
  const back = (
    <a class="no-print" href={`#/c/${slug}`}>
      {t('backToContest')}
    </a>
  );
  if (key.error) {
    const pending = key.error instanceof ApiError && key.error.code === 'REVIEW_NOT_AVAILABLE';
    const at = pending ? (key.error as ApiError).members.availableAt : undefined;
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        {pending ? (
          <p class="note" data-testid="answer-key-pending">
            {typeof at === 'string' ? t('pendingFrom', { at: dateTime(at) }) : t('never')}
          </p>
        ) : (
          <ErrorAlert error={key.error} onRetry={key.reload} />
        )}
        {back}
      </>
    );
  }
  if (!key.data) return <Loading />;
  const questions = key.data.questions;
  return (
    <div class="answer-key" data-testid="answer-key">
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('intro')}</p>
      <div class="actions no-print">
        <button type="button" class="button secondary" onClick={() => window.print()}>
          {t('print')}
        </button>
        {back}
      </div>
      {key.data.chapters.map((chapter) => {
        const inChapter = questions.filter((q) => q.chapter === chapter.chapter);
        const heading = t('chapterN', { n: romanNumeral(chapter.chapter) });
        return (
          <section key={chapter.chapter} aria-labelledby={`chapter-${chapter.chapter}`}>
            <h2 id={`chapter-${chapter.chapter}`}>
              {chapter.title ? `${heading}. ${chapter.title}` : heading}{' '}
              <span class="muted">({t('questions', { n: inChapter.length })})</span>
            </h2>
            <ol class="key-questions" start={questions.indexOf(inChapter[0]) + 1}>
              {inChapter.map((q) => (
                <KeyItem key={q.id} question={q} />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

function KeyItem(props: { question: KeyQuestion }) {
  const q = props.question;
  const correct = q.options.findIndex((o) => o.id === q.correctOptionId);
  return (
    <li class="key-question" data-testid="key-question">
      <p class="key-stem">{q.text}</p>
      <ul class="key-options">
        {q.options.map((option, i) =>
          option.id === q.correctOptionId ? (
            <li key={option.id} class="is-correct">
              <strong>
                {optionLetter(i)}. {option.text} {t('correctOption')}
              </strong>
            </li>
          ) : (
            <li key={option.id}>
              {optionLetter(i)}. {option.text}
            </li>
          ),
        )}
      </ul>
      <p>
        <strong>{t('answer', { letter: optionLetter(correct) })}</strong> {q.explanation}
      </p>
      <p class="muted">
        {q.articleTitle ? t('articleTitled', { n: q.article, title: q.articleTitle }) : t('article', { n: q.article })}
      </p>
    </li>
  );
}
