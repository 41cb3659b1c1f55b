import { tc } from '../common-messages';
import { locale, setLocale } from '../i18n';

/** Vietnamese ↔ English, in the header of both pages. */
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
