import arCommon from './ar/common.json' with { type: 'json' };
import enCommon from './en/common.json' with { type: 'json' };
import esCommon from './es/common.json' with { type: 'json' };
import frCommon from './fr/common.json' with { type: 'json' };
import zhHansCommon from './zh-Hans/common.json' with { type: 'json' };
import arErrors from './ar/errors.json' with { type: 'json' };
import arPeople from './ar/people.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import enPeople from './en/people.json' with { type: 'json' };
import esErrors from './es/errors.json' with { type: 'json' };
import esPeople from './es/people.json' with { type: 'json' };
import frErrors from './fr/errors.json' with { type: 'json' };
import frPeople from './fr/people.json' with { type: 'json' };
import zhHansErrors from './zh-Hans/errors.json' with { type: 'json' };
import zhHansPeople from './zh-Hans/people.json' with { type: 'json' };
import arSigning from './ar/signing.json' with { type: 'json' };
import enSigning from './en/signing.json' with { type: 'json' };
import esSigning from './es/signing.json' with { type: 'json' };
import frSigning from './fr/signing.json' with { type: 'json' };
import zhHansSigning from './zh-Hans/signing.json' with { type: 'json' };
import arPrompts from './ar/prompts.json' with { type: 'json' };
import enPrompts from './en/prompts.json' with { type: 'json' };
import esPrompts from './es/prompts.json' with { type: 'json' };
import frPrompts from './fr/prompts.json' with { type: 'json' };
import zhHansPrompts from './zh-Hans/prompts.json' with { type: 'json' };
import arItinerary from './ar/itinerary.json' with { type: 'json' };
import enItinerary from './en/itinerary.json' with { type: 'json' };
import esItinerary from './es/itinerary.json' with { type: 'json' };
import frItinerary from './fr/itinerary.json' with { type: 'json' };
import zhHansItinerary from './zh-Hans/itinerary.json' with { type: 'json' };
import arComments from './ar/comments.json' with { type: 'json' };
import enComments from './en/comments.json' with { type: 'json' };
import esComments from './es/comments.json' with { type: 'json' };
import frComments from './fr/comments.json' with { type: 'json' };
import zhHansComments from './zh-Hans/comments.json' with { type: 'json' };
import arAgreement from './ar/agreement.json' with { type: 'json' };
import enAgreement from './en/agreement.json' with { type: 'json' };
import esAgreement from './es/agreement.json' with { type: 'json' };
import frAgreement from './fr/agreement.json' with { type: 'json' };
import zhHansAgreement from './zh-Hans/agreement.json' with { type: 'json' };

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

/** A translation catalogue: nested objects of strings. */
export interface Catalogue {
  [key: string]: string | Catalogue;
}

/** The interface's catalogues, by language then namespace; the same data serves client and server. */
export const RESOURCES: Record<UiLanguage, Record<(typeof NAMESPACES)[number], Catalogue>> = {
  en: {
    common: enCommon,
    people: enPeople,
    errors: enErrors,
    agreement: enAgreement,
    comments: enComments,
    itinerary: enItinerary,
    prompts: enPrompts,
    signing: enSigning,
  },
  'zh-Hans': {
    common: zhHansCommon,
    people: zhHansPeople,
    errors: zhHansErrors,
    agreement: zhHansAgreement,
    comments: zhHansComments,
    itinerary: zhHansItinerary,
    prompts: zhHansPrompts,
    signing: zhHansSigning,
  },
  es: {
    common: esCommon,
    people: esPeople,
    errors: esErrors,
    agreement: esAgreement,
    comments: esComments,
    itinerary: esItinerary,
    prompts: esPrompts,
    signing: esSigning,
  },
  fr: {
    common: frCommon,
    people: frPeople,
    errors: frErrors,
    agreement: frAgreement,
    comments: frComments,
    itinerary: frItinerary,
    prompts: frPrompts,
    signing: frSigning,
  },
  ar: {
    common: arCommon,
    people: arPeople,
    errors: arErrors,
    agreement: arAgreement,
    comments: arComments,
    itinerary: arItinerary,
    prompts: arPrompts,
    signing: arSigning,
  },
};

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
