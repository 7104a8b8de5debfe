import {
  type Catalogue,
  type Namespace,
  type UiLanguage,
  isUiLanguage,
  pickUiLanguage,
} from '@tandem/shared/i18n/index';

const STORAGE_KEY = 'tandem.uiLanguage';

/** The person's UI language: their earlier choice on this device, else the browser's. */
export function initialLanguage(): UiLanguage {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && isUiLanguage(stored)) return stored;
  return pickUiLanguage(navigator.languages);
}

/** Remembers the person's choice on this device, for the next visit's first frame. */
export function rememberLanguage(lang: UiLanguage): void {
  localStorage.setItem(STORAGE_KEY, lang);
}

export type Catalogues = Record<Namespace, Catalogue>;

/**
 * English comes with the page (it is every language's fallback); each other language is its
 * own chunk, fetched when first shown, so nobody downloads the four they do not read.
 */
const OTHERS: Record<Exclude<UiLanguage, 'en'>, () => Promise<{ default: Catalogues }>> = {
  'zh-Hans': () => import('@tandem/shared/i18n/languages/zh-Hans'),
  es: () => import('@tandem/shared/i18n/languages/es'),
  fr: () => import('@tandem/shared/i18n/languages/fr'),
  ar: () => import('@tandem/shared/i18n/languages/ar'),
};

/** A language's catalogues other than English's (which i18n.ts has); null for one Tandem lacks. */
export async function otherCatalogues(language: string): Promise<Catalogues | null> {
  if (!isUiLanguage(language) || language === 'en') return null;
  return (await OTHERS[language]()).default;
}

/** Starts fetching the person's language before the app's code has arrived. */
export function preloadCatalogues(): void {
  void otherCatalogues(initialLanguage()).catch(() => {
    // i18next asks again when it starts, and reports the failure then.
  });
}
