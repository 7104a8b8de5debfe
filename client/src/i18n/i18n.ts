import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  FALLBACK_LANGUAGE,
  NAMESPACES,
  RESOURCES,
  type UiLanguage,
  directionOf,
  isUiLanguage,
  pickUiLanguage,
} from '@tandem/shared/i18n/index';
import { isSpacedCjk, spaceCjk } from '@tandem/shared/i18n/cjkSpacing';

const STORAGE_KEY = 'tandem.uiLanguage';

/** The person's UI language: their earlier choice on this device, else the browser's. */
function initialLanguage(): UiLanguage {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && isUiLanguage(stored)) return stored;
  return pickUiLanguage(navigator.languages);
}

function applyToDocument(lang: string): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

/** Chinese/Latin spacing on every Chinese message, names filled in (shared/src/i18n/cjkSpacing.ts). */
const cjkSpacing = {
  type: 'postProcessor' as const,
  name: 'cjkSpacing',
  process: (value: string, _key: string | string[], _options: unknown, translator: unknown) => {
    const language = (translator as { language?: string }).language ?? '';
    return isSpacedCjk(language) ? spaceCjk(value) : value;
  },
};

export function initI18n(): void {
  const lng = initialLanguage();
  void i18next
    .use(initReactI18next)
    .use(cjkSpacing)
    .init({
      resources: RESOURCES,
      lng,
      fallbackLng: FALLBACK_LANGUAGE,
      ns: [...NAMESPACES],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      postProcess: ['cjkSpacing'],
    });
  applyToDocument(lng);
  i18next.on('languageChanged', applyToDocument);
}

/** Switches the UI language and remembers it on this device. */
export function setUiLanguage(lang: UiLanguage): void {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18next.changeLanguage(lang);
}
