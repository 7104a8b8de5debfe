/** The launch UI languages (BCP 47). English is the fallback. */
export const UI_LANGUAGES = ['en', 'zh-Hans', 'es', 'fr', 'ar'] as const;
/** One of the launch UI languages. */
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each launch language named in itself (endonyms are never translated). */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  en: 'English',
  'zh-Hans': '简体中文',
  es: 'Español',
  fr: 'Français',
  ar: 'العربية',
};

/** The language used when a key or a person's choice is missing. */
export const FALLBACK_LANGUAGE: UiLanguage = 'en';

/**
 * Namespaces of the interface, one per feature (client/README.md, Translations). The server's
 * own texts (the agreement template, emails) are in serverCatalogues.ts: no browser downloads them.
 */
export const NAMESPACES = [
  'common',
  'people',
  'errors',
  'agreement',
  'comments',
  'itinerary',
  'prompts',
  'signing',
] as const;
/** One namespace of the interface. */
export type Namespace = (typeof NAMESPACES)[number];

/** A translation catalogue: nested objects of strings. */
export interface Catalogue {
  [key: string]: string | Catalogue;
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

/** Text direction of a BCP 47 language tag. */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  const primary = lang.split('-')[0]?.toLowerCase() ?? '';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}

/** Whether `value` is a launch UI language. */
export function isUiLanguage(value: string): value is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The best launch language for a list of preferences such as `navigator.languages`. */
export function pickUiLanguage(preferences: readonly string[]): UiLanguage {
  for (const pref of preferences) {
    if (isUiLanguage(pref)) return pref;
    const lower = pref.toLowerCase();
    // zh, zh-CN and zh-SG are written in simplified characters.
    if (lower === 'zh' || lower === 'zh-cn' || lower === 'zh-sg') return 'zh-Hans';
    const primary = lower.split('-')[0] ?? '';
    const match = UI_LANGUAGES.find((lang) => lang === primary);
    if (match) return match;
  }
  return FALLBACK_LANGUAGE;
}
