import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import { type Catalogue, FALLBACK_LANGUAGE, NAMESPACES, UI_LANGUAGES } from './index';
import { RESOURCES } from './resources';
import { SERVER_NAMESPACES, SERVER_RESOURCES } from './serverCatalogues';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Flattens a catalogue to dotted keys, folding plural forms into their base key. */
function keysOf(catalogue: Catalogue, prefix = ''): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix + key;
    if (typeof value !== 'string') {
      for (const [k, v] of keysOf(value, `${path}.`)) keys.set(k, v);
      continue;
    }
    const plural = PLURAL_SUFFIX.exec(path);
    const base = plural ? path.slice(0, plural.index) : path;
    const forms = keys.get(base) ?? [];
    if (plural?.[1]) forms.push(plural[1]);
    keys.set(base, forms);
  }
  return keys;
}

/** Every catalogue, the interface's and the server's own, by language then namespace. */
const ALL: Record<string, Record<string, Catalogue>> = Object.fromEntries(
  UI_LANGUAGES.map((lang) => [lang, { ...RESOURCES[lang], ...SERVER_RESOURCES[lang] }]),
);

describe('translation catalogues', () => {
  for (const ns of [...NAMESPACES, ...SERVER_NAMESPACES]) {
    const reference = keysOf(ALL[FALLBACK_LANGUAGE]?.[ns] ?? {});
    for (const lang of UI_LANGUAGES) {
      const keys = keysOf(ALL[lang]?.[ns] ?? {});
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

      it(`${lang}/${ns} has every key of ${FALLBACK_LANGUAGE} and no extra`, () => {
        expect([...keys.keys()].sort()).toEqual([...reference.keys()].sort());
      });

      it(`${lang}/${ns} has every plural form ${lang} needs`, () => {
        for (const [key, forms] of reference) {
          if (forms.length === 0) continue;
          const own = keys.get(key) ?? [];
          for (const category of categories) {
            expect(own, `${lang}/${ns}:${key}_${category}`).toContain(category);
          }
        }
      });
    }
  }
});

describe('error messages', () => {
  it('has a translated message for every error code the server can send', () => {
    for (const code of Object.values(ErrorCode)) {
      for (const lang of UI_LANGUAGES)
        expect(RESOURCES[lang].errors[code], `${lang}:${code}`).toBeTypeOf('string');
    }
  });
});
