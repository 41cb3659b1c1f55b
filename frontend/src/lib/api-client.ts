import { locale } from './i18n';

/** One field at fault, as the server lists it in a problem's `errors`. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** An `application/problem+json` answer (RFC 9457) with the server's stable `code`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** The problem's members as sent, its own ones included (`availableAt`, the waiting room's `ticket`, …). */
  readonly members: Record<string, unknown>;
  /** The answer's `Retry-After` in ms, when it gave one in seconds. */
  readonly retryAfterMs?: number;

  constructor(
    status: number,
    problem: Partial<{ code: string; title: string; detail: string; errors: FieldError[] }>,
    retryAfterMs?: number,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? `HTTP_${status}`;
    this.title = problem.title ?? '';
    this.detail = problem.detail ?? '';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.members = { ...problem };
    this.retryAfterMs = retryAfterMs;
  }

  /** Worth sending again unchanged: the server or a proxy had trouble, not the request. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 429 || this.status === 408;
  }

  /** Field errors by field name (first message per field). */
  fieldMessages(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.errors) {
      byField[error.field] ??= error.message;
    }
    return byField;
  }
}

/** No answer at all: offline, connection dropped, DNS, timeout. Always worth a retry. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'NetworkError';
  }
}

export interface RequestOptions {
  method?: string;
  /** A value to send as JSON, or a string already serialized (sent byte for byte). */
  body?: unknown;
  /** A file sent as is (e.g. a question bank), with its own `contentType`. */
  rawBody?: Blob | ArrayBuffer;
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** sent even if the page is closed meanwhile (a save when the page is hidden) */
  keepalive?: boolean;
}

export function requestHeaders(extra?: Record<string, string>): Record<string, string> {
  return {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': locale() === 'en' ? 'en' : 'vi',
    // asks the server not to answer 401 with a Basic challenge (no browser login popup)
    'X-Requested-With': 'XMLHttpRequest',
    ...csrfHeader(),
    ...extra,
  };
}

/**
 * The staff session's CSRF token, which the server sets as the `XSRF-TOKEN` cookie and
 * expects back in `X-XSRF-TOKEN` on every change; citizens' pages have none.
 */
export function csrfHeader(
  cookies: string = typeof document === 'undefined' ? '' : document.cookie,
): Record<string, string> {
  const token = cookies
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith('XSRF-TOKEN='))
    ?.slice('XSRF-TOKEN='.length);
  return token ? { 'X-XSRF-TOKEN': decodeURIComponent(token) } : {};
}

/** The one way the pages call the API: JSON in, JSON out, problems as {@link ApiError}. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers = requestHeaders(options.headers);
  let body: string | Blob | ArrayBuffer | undefined;
  if (options.rawBody !== undefined) {
    body = options.rawBody;
    headers['Content-Type'] = options.contentType ?? 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const timeout = options.timeoutMs ?? 20_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  options.signal?.addEventListener('abort', () => controller.abort());
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      signal: controller.signal,
      keepalive: options.keepalive,
    });
  } catch (error) {
    throw new NetworkError(error);
  } finally {
    clearTimeout(timer);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    throw problemOf(response.status, text, response.headers.get('Retry-After'));
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The {@link ApiError} for a failed answer's status, body and `Retry-After` (seconds; a date is ignored). */
export function problemOf(status: number, text: string, retryAfter?: string | null): ApiError {
  let problem: ConstructorParameters<typeof ApiError>[1] = {};
  try {
    problem = text ? (JSON.parse(text) as typeof problem) : {};
  } catch {
    // a proxy's HTML error page: status only
  }
  const seconds = retryAfter && /^\d{1,5}$/.test(retryAfter.trim()) ? Number(retryAfter.trim()) : undefined;
  return new ApiError(status, problem, seconds === undefined ? undefined : seconds * 1000);
}
