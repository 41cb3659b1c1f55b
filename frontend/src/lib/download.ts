import { NetworkError, problemOf, requestHeaders } from './api-client';

/**
 * The file name a `Content-Disposition` header gives: RFC 6266's `filename*` (RFC 5987,
 * UTF-8) first, then a quoted or bare `filename`; `fallback` when there is none.
 */
export function filenameFromContentDisposition(header: string | null | undefined, fallback = 'download'): string {
  if (!header) {
    return fallback;
  }
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      const name = decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
      if (name) return safeName(name, fallback);
    } catch {
      // a broken escape: try the plain parameter
    }
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted) {
    return safeName(quoted[1].replace(/\\(.)/g, '$1'), fallback);
  }
  const bare = /(?:^|;)\s*filename\s*=\s*([^;\s]+)/i.exec(header);
  return bare ? safeName(bare[1], fallback) : fallback;
}

/** No directories in a name to save under. */
function safeName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return base || fallback;
}

/**
 * Fetches a file of the staff API (so that a refusal shows as a problem, not a page), as a blob
 * with the server's file name; problems are thrown as ApiError.
 */
export async function fetchFile(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ blob: Blob; filename: string }> {
  let response: Response;
  try {
    response = await fetch(path, { headers: requestHeaders({ ...headers, Accept: '*/*' }) });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) {
    throw problemOf(response.status, await response.text().catch(() => ''));
  }
  const fallback = path.split('?')[0].split('/').pop() || 'download';
  return {
    blob: await response.blob(),
    filename: filenameFromContentDisposition(response.headers.get('Content-Disposition'), fallback),
  };
}

/** Saves a blob through a temporary object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
