/**
 * Message catalogues: Vietnamese by default, English on request. Each feature keeps its own
 * catalogue (so organizer text never ships to citizens) and gets a translator for it.
 */
export type Locale = 'vi' | 'en';

export type Catalogue<K extends string> = { vi: Record<K, string>; en: Record<K, string> };

const STORAGE_KEY = 'civiquiz.locale';

let current: Locale = readStoredLocale();
const listeners = new Set<(locale: Locale) => void>();

function readStoredLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function locale(): Locale {
  return current;
}

export function setLocale(next: Locale): void {
  current = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this page only
  }
  if (typeof document !== 'undefined') {
    document.documentElement.lang = next;
  }
  listeners.forEach((listener) => listener(next));
}

export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `t('key', {n: 3})` replaces `{n}` in the current locale's text. */
export function translator<K extends string>(catalogue: Catalogue<K>) {
  return (key: K, params?: Record<string, string | number>): string => {
    let text = catalogue[current][key] ?? catalogue.vi[key] ?? key;
    if (params) {
      for (const [name, value] of Object.entries(params)) {
        text = text.split(`{${name}}`).join(String(value));
      }
    }
    return text;
  };
}

/** BCP 47 tag for Intl formatting. */
export function intlLocale(): string {
  return current === 'vi' ? 'vi-VN' : 'en-GB';
}
