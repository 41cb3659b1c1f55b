import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, NetworkError } from './api-client';
import { tc } from './common-messages';
import { locale, setLocale } from './i18n';

export function LanguageSwitch() {
  const next = locale() === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      class="link-button"
      lang={next}
      aria-label={tc('switchLanguageLabel')}
      onClick={() => setLocale(next)}
    >
      {tc('switchLanguage')}
    </button>
  );
}

/** The message a citizen can act on: the server's problem detail, or a network hint. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    return error.detail || error.title || tc('unexpectedError');
  }
  if (error instanceof NetworkError) {
    return tc('networkError');
  }
  return tc('unexpectedError');
}

export function ErrorAlert(props: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="alert alert-error" role="alert">
      <p>{errorText(props.error)}</p>
      {props.onRetry && (
        <button type="button" class="button secondary" onClick={props.onRetry}>
          {tc('retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  return (
    <p class="loading" role="status">
      {tc('loading')}
    </p>
  );
}

/** Loads once per `key`; `reload` loads again. */
export function useLoad<T>(load: () => Promise<T>, key: string): { data?: T; error?: unknown; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown }>({});
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState({});
    load().then(
      (data) => live && setState({ data }),
      (error) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once per key (load is a new closure on every render)
  }, [key, round]);
  return { ...state, reload: () => setRound((r) => r + 1) };
}

/** Sets the document title and moves focus to the page's heading on navigation. */
export function PageHeading(props: { children: ComponentChildren; title: string }) {
  useEffect(() => {
    document.title = `${props.title} · ${tc('siteName')}`;
  }, [props.title]);
  return (
    <h1 tabIndex={-1} id="page-heading">
      {props.children}
    </h1>
  );
}
