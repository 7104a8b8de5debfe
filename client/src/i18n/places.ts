import { languageName } from './languageName';

/** One choice of a picker: its value, what people read, and what they may type to find it. */
export interface Choice {
  id: string;
  label: string;
  search: string;
}

export function offsetOf(zone: string, uiLanguage: string, at: Date): string {
  const format = new Intl.DateTimeFormat(uiLanguage, {
    timeZone: zone,
    timeZoneName: 'shortOffset',
  });
  return format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

import { cityOf } from '@tandem/shared/time';

export { cityOf };

/** A zone as people say it, "Madrid (GMT+1)"; the pickers add the country. */
export function timeZoneLabel(zone: string, uiLanguage: string, at = new Date()): string {
  return `${cityOf(zone)} (${offsetOf(zone, uiLanguage, at)})`;
}

/** A language by its name in the reader's language and its own: "Spanish · español". */
export function languageLabel(tag: string, uiLanguage: string): string {
  const here = languageName(tag, uiLanguage);
  const own = languageName(tag, tag);
  return here === own ? here : `${here} · ${own}`;
}
