import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api-client';
import { adminApi } from '../../lib/staff-session';
import { ErrorAlert } from '../../lib/ui/error-alert';
import { Field, fieldId } from '../../lib/ui/field';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { Section } from '../../lib/ui/section';
import { useLoad } from '../../lib/use-load';
import { ContestTabs } from './contest-tabs';
import { t } from './messages';
import type { BankQuestion } from './questions-page';

interface Draft {
  chapter: string;
  article: string;
  text: string;
  options: string[];
  correctOption: number;
  explanation: string;
}

function draftOf(question: BankQuestion): Draft {
  return {
    chapter: String(question.chapter),
    article: String(question.article),
    text: question.text,
    options: [...question.options],
    correctOption: question.correctOption,
    explanation: question.explanation,
  };
}

/**
 * One question of a contest's bank, changed in place (docs/api.md: `PUT …/questions/{code}`): the
 * item analysis links here. A changed key counts from the next submission on.
 */
export function QuestionEditPage(props: { slug: string; code: string; onUnauthorized: () => void }) {
  const call = adminApi(props.onUnauthorized);
  const base = `/api/admin/contests/${encodeURIComponent(props.slug)}/questions`;
  const questions = useLoad(() => call<BankQuestion[]>(base), `${props.slug}/${props.code}`);
  const question = questions.data?.find((q) => q.code === props.code);
  const heading = t('editQuestionTitle', { code: props.code });
  return (
    <>
      <PageHeading title={heading}>{heading}</PageHeading>
      <ContestTabs slug={props.slug} current="questions" />
      <p>
        <a href={`#/c/${encodeURIComponent(props.slug)}/items`}>{t('backToItems')}</a>
      </p>
      {questions.error ? (
        <ErrorAlert error={questions.error} onRetry={questions.reload} />
      ) : !questions.data ? (
        <Loading />
      ) : !question ? (
        <p class="alert alert-error" role="alert">
          {t('questionMissing', { code: props.code })}
        </p>
      ) : (
        <EditForm question={question} path={`${base}/${encodeURIComponent(props.code)}`} call={call} />
      )}
    </>
  );
}

function EditForm(props: { question: BankQuestion; path: string; call: ReturnType<typeof adminApi> }) {
  const [draft, setDraft] = useState<Draft>(draftOf(props.question));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(draftOf(props.question)), [props.question]);
  const set = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...change });
  };
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      const question = await props.call<BankQuestion>(props.path, {
        method: 'PUT',
        body: {
          chapter: Number(draft.chapter),
          article: Number(draft.article),
          text: draft.text,
          options: draft.options,
          correctOption: draft.correctOption,
          explanation: draft.explanation,
        },
      });
      setDraft(draftOf(question));
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        setErrors(Object.fromEntries(error.errors.map((e) => [e.field, e.message])));
      }
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section id="edit-question-heading" title={t('editQuestionHeading')}>
      <p class="hint">{t('editQuestionHint')}</p>
      <form class="form" noValidate onSubmit={onSubmit}>
        <Field
          name="chapter"
          label={t('chapter')}
          value={draft.chapter}
          inputMode="numeric"
          errors={errors}
          onInput={(chapter) => set({ chapter })}
        />
        <Field
          name="article"
          label={t('article')}
          value={draft.article}
          inputMode="numeric"
          errors={errors}
          onInput={(article) => set({ article })}
        />
        <Field
          name="text"
          label={t('questionText')}
          value={draft.text}
          multiline
          errors={errors}
          onInput={(text) => set({ text })}
        />
        {draft.options.map((option, i) => (
          <Field
            key={i}
            name={`options[${i}]`}
            label={t('optionN', { letter: String.fromCharCode(65 + i) })}
            value={option}
            multiline
            errors={errors}
            onInput={(value) => set({ options: draft.options.map((o, j) => (j === i ? value : o)) })}
          />
        ))}
        <fieldset class={`field${errors.correctOption ? ' invalid' : ''}`}>
          <legend>{t('correctOption')}</legend>
          {draft.options.map((_, i) => (
            <label key={i} class="inline-field">
              <input
                type="radio"
                name="correctOption"
                value={String(i + 1)}
                checked={draft.correctOption === i + 1}
                onChange={() => set({ correctOption: i + 1 })}
              />{' '}
              {String.fromCharCode(65 + i)}
            </label>
          ))}
          {errors.correctOption && (
            <p class="field-error" id={`${fieldId('correctOption')}-error`}>
              {errors.correctOption}
            </p>
          )}
        </fieldset>
        <Field
          name="explanation"
          label={t('explanation')}
          value={draft.explanation}
          multiline
          errors={errors}
          onInput={(explanation) => set({ explanation })}
        />
        <div class="actions">
          <button class="button primary" type="submit" disabled={busy}>
            {busy ? t('saving') : t('saveQuestion')}
          </button>
        </div>
      </form>
      {saved && (
        <p class="alert alert-success" role="status" data-testid="question-saved">
          {t('questionSaved')}
        </p>
      )}
      {failure ? <ErrorAlert error={failure} /> : null}
    </Section>
  );
}
