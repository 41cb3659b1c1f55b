import { intlLocale } from '../../lib/i18n';
import { vietnamDateTime } from '../../lib/vietnam-time';
import { t, type MessageKey } from './messages';

/** An instant as Vietnam time, in the page's language. */
export const when = (iso: string | null | undefined) => vietnamDateTime(iso, intlLocale());

/** A server code as words (the catalogue's `prefix` + code); an unknown code as is. */
export const codeText = (prefix: string, code: string) => {
  const key = `${prefix}${code}` as MessageKey;
  const text = t(key);
  return text === key ? code : text;
};
