import type { ComponentChildren } from 'preact';
import { api, ApiError, type RequestOptions } from '../../lib/api-client';
import { t } from './messages';

/** The admin API with this account's credentials; a 401 signs out. */
export function adminApi(authorization: string, onUnauthorized: () => void) {
  return async <T,>(path: string, options: RequestOptions = {}): Promise<T> => {
    try {
      return await api<T>(path, { ...options, headers: { ...options.headers, Authorization: authorization } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        onUnauthorized();
      }
      throw error;
    }
  };
}

export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** A labelled input with its hint and the server's error for `name` next to it. */
export function Field(props: {
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  errors: Record<string, string>;
  type?: string;
  hint?: string;
  multiline?: boolean;
  readOnly?: boolean;
  inputMode?: 'numeric' | 'text';
  autoComplete?: string;
}) {
  const id = fieldId(props.name);
  const error = props.errors[props.name];
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: props.name,
    value: props.value,
    readOnly: props.readOnly,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': described,
    onInput: (e: Event) => props.onInput((e.target as HTMLInputElement).value),
  };
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      {props.multiline ? <textarea rows={3} {...common} /> : <input type={props.type ?? 'text'} inputMode={props.inputMode} autoComplete={props.autoComplete ?? 'off'} {...common} />}
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Links between the pages of one contest. */
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
