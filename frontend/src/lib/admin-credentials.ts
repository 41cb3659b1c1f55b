/**
 * The organizer's HTTP Basic credentials for this tab only (sessionStorage), until the
 * platform has session login.
 */
const KEY = 'civiquiz.admin.basic';

/** The `Authorization` header value for HTTP Basic. */
export function basicAuthorization(username: string, password: string): string {
  // btoa only takes Latin-1: encode UTF-8 first
  let binary = '';
  new TextEncoder().encode(`${username}:${password}`).forEach((b) => (binary += String.fromCharCode(b)));
  return `Basic ${btoa(binary)}`;
}

export function saveCredentials(username: string, password: string): void {
  sessionStorage.setItem(KEY, JSON.stringify({ username, authorization: basicAuthorization(username, password) }));
}

export function credentials(): { username: string; authorization: string } | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    return stored ? { username: stored.username, authorization: stored.authorization } : null;
  } catch {
    return null;
  }
}

export function forgetCredentials(): void {
  sessionStorage.removeItem(KEY);
}
