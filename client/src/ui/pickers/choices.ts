import { type Choice, cityOf, languageLabel, offsetOf } from '../../i18n/places';
import { languageName } from '../../i18n/languageName';
import { ZONE_COUNTRY } from '../../i18n/zoneCountries';

function displayNames(uiLanguage: string, type: 'region' | 'language') {
  try {
    return new Intl.DisplayNames([uiLanguage], { type });
  } catch {
    return new Intl.DisplayNames(['en'], { type });
  }
}

function longNameOf(zone: string, uiLanguage: string, at: Date): string {
  const format = new Intl.DateTimeFormat(uiLanguage, { timeZone: zone, timeZoneName: 'long' });
  return format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** The choices per UI language: building them formats every zone twice, so once is enough. */
const zoneChoicesByLanguage = new Map<string, Choice[]>();

/** "Madrid, Spain (GMT+1)", found by city, country (reader's language or English) or zone. */
function zoneChoice(zone: string, uiLanguage: string, at: Date): Choice {
  const code = ZONE_COUNTRY.get(zone);
  const country = code ? displayNames(uiLanguage, 'region').of(code) : undefined;
  const place = country ? `${cityOf(zone)}, ${country}` : cityOf(zone);
  const countries = code ? [country, displayNames('en', 'region').of(code), code] : [];
  const search = [zone, cityOf(zone), ...countries, longNameOf(zone, uiLanguage, at)].join(' ');
  return { id: zone, label: `${place} (${offsetOf(zone, uiLanguage, at)})`, search };
}

/** Every zone this browser knows; a stored zone it does not list (such as UTC) stays choosable. */
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

export function languageChoices(uiLanguage: string, current = ''): Choice[] {
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
