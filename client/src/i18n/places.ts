import { languageName } from './languageName';
import { ZONE_COUNTRY } from './zoneCountries';

/** One choice of a picker: its value, what people read, and what they may type to find it. */
export interface Choice {
  id: string;
  label: string;
  search: string;
}

function displayNames(uiLanguage: string, type: 'region' | 'language') {
  try {
    return new Intl.DisplayNames([uiLanguage], { type });
  } catch {
    return new Intl.DisplayNames(['en'], { type });
  }
}

function offsetOf(zone: string, uiLanguage: string, at: Date): string {
  const parts = new Intl.DateTimeFormat(uiLanguage, {
    timeZone: zone,
    timeZoneName: 'shortOffset',
  });
  return parts.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

function longNameOf(zone: string, uiLanguage: string, at: Date): string {
  const parts = new Intl.DateTimeFormat(uiLanguage, { timeZone: zone, timeZoneName: 'long' });
  return parts.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** "Gig Harbor" from `America/Los_Angeles`' last part: the city tzdata names the zone after. */
function cityOf(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ');
}

/** A zone as people say it: "Madrid, Spain (GMT+1)", in the reader's language. */
export function timeZoneLabel(zone: string, uiLanguage: string, at = new Date()): string {
  const code = ZONE_COUNTRY.get(zone);
  const country = code ? displayNames(uiLanguage, 'region').of(code) : undefined;
  const place = country ? `${cityOf(zone)}, ${country}` : cityOf(zone);
  return `${place} (${offsetOf(zone, uiLanguage, at)})`;
}

/** The choices per UI language: building them formats every zone twice, so once is enough. */
const zoneChoicesByLanguage = new Map<string, Choice[]>();

function zoneChoice(zone: string, uiLanguage: string, at: Date): Choice {
  const code = ZONE_COUNTRY.get(zone);
  const countries = code
    ? [displayNames(uiLanguage, 'region').of(code), displayNames('en', 'region').of(code), code]
    : [];
  const search = [zone, cityOf(zone), ...countries, longNameOf(zone, uiLanguage, at)].join(' ');
  return { id: zone, label: timeZoneLabel(zone, uiLanguage, at), search };
}

/**
 * Every zone this browser knows, found by city, country (in the reader's language or English)
 * or zone name; a stored zone the browser does not list (such as UTC) stays choosable.
 */
export function timeZoneChoices(uiLanguage: string, current = ''): Choice[] {
  const at = new Date();
  let choices = zoneChoicesByLanguage.get(uiLanguage);
  if (!choices) {
    choices = Intl.supportedValuesOf('timeZone').map((zone) => zoneChoice(zone, uiLanguage, at));
    zoneChoicesByLanguage.set(uiLanguage, choices);
  }
  return !current || choices.some((c) => c.id === current)
    ? choices
    : [zoneChoice(current, uiLanguage, at), ...choices];
}

/**
 * The languages offered for a school: the launch languages first, then widely taught ones.
 * Any BCP 47 tag stays valid on the server; these are the ones a person can pick by name.
 */
const SCHOOL_LANGUAGES = [
  'en',
  'zh-Hans',
  'es',
  'fr',
  'ar',
  'zh-Hant',
  'de',
  'it',
  'pt',
  'ru',
  'ja',
  'ko',
  'hi',
  'bn',
  'ur',
  'fa',
  'tr',
  'he',
  'el',
  'nl',
  'sv',
  'no',
  'da',
  'fi',
  'pl',
  'cs',
  'sk',
  'hu',
  'ro',
  'bg',
  'uk',
  'hr',
  'sr',
  'sl',
  'lt',
  'lv',
  'et',
  'ga',
  'cy',
  'ca',
  'eu',
  'gl',
  'is',
  'mt',
  'sq',
  'mk',
  'ka',
  'hy',
  'az',
  'kk',
  'uz',
  'mn',
  'vi',
  'th',
  'id',
  'ms',
  'fil',
  'km',
  'lo',
  'my',
  'ne',
  'si',
  'ta',
  'te',
  'ml',
  'kn',
  'mr',
  'gu',
  'pa',
  'sw',
  'am',
  'yo',
  'ig',
  'ha',
  'zu',
  'xh',
  'af',
  'so',
  'mi',
  'sm',
  'to',
];

/** A language by its name in the reader's language and its own: "Spanish · español". */
export function languageLabel(tag: string, uiLanguage: string): string {
  const here = languageName(tag, uiLanguage);
  const own = languageName(tag, tag);
  return here === own ? here : `${here} · ${own}`;
}

export function languageChoices(uiLanguage: string, current?: string): Choice[] {
  const tags =
    current && !SCHOOL_LANGUAGES.includes(current)
      ? [current, ...SCHOOL_LANGUAGES]
      : SCHOOL_LANGUAGES;
  return tags.map((tag) => ({
    id: tag,
    label: languageLabel(tag, uiLanguage),
    search: [tag, languageName(tag, 'en'), languageLabel(tag, uiLanguage)].join(' '),
  }));
}
