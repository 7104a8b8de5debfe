import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, UI_LANGUAGES, isUiLanguage } from '@tandem/shared/i18n/index';
import { api } from '../platform/api';
import { useSession } from '../platform/session';
import { setUiLanguage } from '../i18n/i18n';

/** Lets a person pick their UI language (kept with their account); each named in itself. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const { account } = useSession();
  const id = useId();
  return (
    <span className="field-inline">
      <label htmlFor={id}>{t('language')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => {
          const lang = event.target.value;
          if (!isUiLanguage(lang)) return;
          setUiLanguage(lang);
          // The choice follows the person to other devices; offline it still applies here.
          if (account) void api('PATCH', '/api/me', { language: lang }).catch(() => undefined);
        }}
      >
        {UI_LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
    </span>
  );
}
