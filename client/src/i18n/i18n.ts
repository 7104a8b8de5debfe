import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  type Catalogue,
  FALLBACK_LANGUAGE,
  NAMESPACES,
  type Namespace,
  type UiLanguage,
  directionOf,
} from '@tandem/shared/i18n/index';
import english from '@tandem/shared/i18n/languages/en';
import { initialLanguage, otherCatalogues, rememberLanguage } from './catalogues';
import { isSpacedCjk, spaceCjk } from '@tandem/shared/i18n/cjkSpacing';

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

/** i18next's backend: a namespace of a language, from that language's chunk. */
const lazyCatalogues = {
  type: 'backend' as const,
  init: () => undefined,
  read(
    language: string,
    namespace: string,
    callback: (error: unknown, catalogue: Catalogue | null) => void,
  ) {
    (language === FALLBACK_LANGUAGE ? Promise.resolve(english) : otherCatalogues(language)).then(
      (catalogues) => callback(null, catalogues?.[namespace as Namespace] ?? null),
      (error: unknown) => callback(error, null),
    );
  },
};

/** Resolves once the person's language (and the English fallback) can be shown. */
export async function initI18n(): Promise<void> {
  const lng = initialLanguage();
  await i18next
    .use(lazyCatalogues)
    .use(initReactI18next)
    .use(cjkSpacing)
    .init({
      lng,
      fallbackLng: FALLBACK_LANGUAGE,
      ns: [...NAMESPACES],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      postProcess: ['cjkSpacing'],
      // A language switch shows the old words until the new ones have arrived, never a blank.
      react: { useSuspense: false },
    });
  applyToDocument(lng);
  i18next.on('languageChanged', applyToDocument);
}

/** Switches the UI language and remembers it on this device. */
export function setUiLanguage(lang: UiLanguage): void {
  rememberLanguage(lang);
  void i18next.changeLanguage(lang);
}
