import { api } from '../../lib/api-client';
import { dateTime, optionLetter, romanNumeral } from '../../lib/format';
import { ErrorAlert } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { useLoad } from '../../lib/use-load';
import { t } from './messages';
import {
  type AttemptReview,
  type ChapterSummary,
  type ReviewedQuestion,
  reviewPending,
  weakestChapter,
} from './review-model';
import './review.css';

function chapterName(chapter: { chapter: number; title: string | null }): string {
  const number = t('chapterN', { n: romanNumeral(chapter.chapter) });
  return chapter.title ? `${number}. ${chapter.title}` : number;
}

/**
 * The review of a submitted attempt once the contest's policy allows it: question by
 * question, the chosen option beside the correct one, the explanation and the article in
 * the law's own words; before that, when it will be.
 */
export function Review(props: { attemptId: string; token: string; slug: string }) {
  const review = useLoad(
    () =>
      api<AttemptReview>(`/api/attempts/${props.attemptId}/review`, { headers: { 'X-Attempt-Token': props.token } }),
    `review-${props.attemptId}`,
  );
  const keyLink = `#/c/${encodeURIComponent(props.slug)}/answer-key`;
  let body;
  if (review.error) {
    const pending = reviewPending(review.error);
    body = pending ? (
      <p class="note" data-testid="review-pending">
        {pending.availableAt ? t('reviewFrom', { at: dateTime(pending.availableAt) }) : t('reviewNever')}
      </p>
    ) : (
      <ErrorAlert error={review.error} onRetry={review.reload} />
    );
  } else if (!review.data) {
    body = <Loading />;
  } else {
    body = (
      <>
        <Chapters chapters={review.data.chapters} />
        <ol class="review-questions">
          {review.data.questions.map((question, i) => (
            <Question key={question.id} question={question} number={i + 1} />
          ))}
        </ol>
        <p>
          <a href={keyLink}>{t('answerKeyLink')}</a>
        </p>
      </>
    );
  }
  return (
    <section aria-labelledby="review-heading" class="review" data-testid="review">
      <h2 id="review-heading">{t('review')}</h2>
      {body}
    </section>
  );
}

function Chapters(props: { chapters: ChapterSummary[] }) {
  const weakest = weakestChapter(props.chapters);
  return (
    <>
      <h3>{t('byChapter')}</h3>
      <div class="table-scroll">
        <table class="chapter-summary">
          <thead>
            <tr>
              <th scope="col">{t('chapter')}</th>
              <th scope="col">{t('rightAnswers')}</th>
            </tr>
          </thead>
          <tbody>
            {props.chapters.map((chapter) => (
              <tr key={chapter.chapter}>
                <th scope="row">{chapterName(chapter)}</th>
                <td>{t('rightOf', { correct: chapter.correct, total: chapter.total })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="weakest" data-testid="weakest-chapter">
        {weakest
          ? weakest.firstArticle != null && weakest.lastArticle != null
            ? t(weakest.firstArticle === weakest.lastArticle ? 'weakestOneArticle' : 'weakest', {
                chapter: chapterName(weakest),
                first: weakest.firstArticle,
                last: weakest.lastArticle,
              })
            : t('weakestNoArticles', { chapter: chapterName(weakest) })
          : t('allRight')}
      </p>
    </>
  );
}

function Question(props: { question: ReviewedQuestion; number: number }) {
  const q = props.question;
  const verdict = q.correct ? t('right') : q.chosenOptionId == null ? t('unanswered') : t('wrong');
  return (
    <li class={`review-question ${q.correct ? 'is-right' : 'is-wrong'}`} data-testid="review-question">
      <p class="review-stem">
        <strong>{t('questionN', { n: props.number })}</strong> {q.text}
      </p>
      <p class="verdict">{verdict}</p>
      <ul class="review-options">
        {q.options.map((option, i) => (
          <li
            key={option.id}
            class={`${option.id === q.correctOptionId ? 'is-correct' : ''} ${option.id === q.chosenOptionId ? 'is-chosen' : ''}`}
          >
            <span class="option-letter">{optionLetter(i)}.</span> {option.text}
            {option.id === q.correctOptionId && <strong class="tag tag-correct">{t('correctOption')}</strong>}
            {option.id === q.chosenOptionId && <span class="tag tag-chosen">{t('yourChoice')}</span>}
          </li>
        ))}
      </ul>
      {q.explanation && (
        <p class="explanation">
          <strong>{t('explanation')}</strong> {q.explanation}
        </p>
      )}
      {q.articleText ? (
        <details class="article">
          <summary>{t('articleN', { n: q.article, title: q.articleTitle ?? '' })}</summary>
          <p class="prose">{q.articleText}</p>
        </details>
      ) : (
        <p class="muted">{t('articleRef', { n: q.article, chapter: romanNumeral(q.chapter) })}</p>
      )}
    </li>
  );
}
