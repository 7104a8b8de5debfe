import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, UI_LANGUAGES, isUiLanguage } from '@tandem/shared/i18n/index';
import { setUiLanguage } from './i18n';

/** Lets a person pick their UI language; each option is named in its own language. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <span className="field-inline">
      <label htmlFor={id}>{t('language')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => {
          if (isUiLanguage(event.target.value)) setUiLanguage(event.target.value);
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
