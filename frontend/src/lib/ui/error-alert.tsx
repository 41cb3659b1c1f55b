import { ApiError, NetworkError } from '../api-client';
import { tc } from '../common-messages';

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

/** A failure as an alert, with a retry button when `onRetry` is given. */
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
