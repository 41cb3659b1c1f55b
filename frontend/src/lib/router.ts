import { useEffect, useState } from 'preact/hooks';

/**
 * Hash routes (`#/c/luat-htx-2023`), so the server needs no fallback routes: every page is
 * `/` or `/admin.html`.
 */
export function currentPath(): string {
  const hash = typeof location === 'undefined' ? '' : location.hash;
  return hash.startsWith('#') ? hash.slice(1) || '/' : '/';
}

export function navigate(path: string, replace = false): void {
  if (replace) {
    history.replaceState(null, '', `#${path}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = path;
  }
}

export function useHashPath(): string {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return path;
}

/** `match('/c/:slug', '/c/abc')` → `{slug: 'abc'}`, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const parts = pattern.split('/');
  const actual = path.split('?')[0].split('/');
  if (parts.length !== actual.length) {
    return null;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].startsWith(':')) {
      params[parts[i].slice(1)] = decodeURIComponent(actual[i]);
    } else if (parts[i] !== actual[i]) {
      return null;
    }
  }
  return params;
}
