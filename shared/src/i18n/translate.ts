import { isSpacedCjk, spaceCjk } from './cjkSpacing';
import { type Catalogue, FALLBACK_LANGUAGE, type NAMESPACES, pickUiLanguage } from './index';
import { RESOURCES } from './resources';

/**
 * A message from the shared catalogues outside React (the server's emails), with `{{name}}`
 * interpolation and Chinese/Latin spacing; falls back to English for a missing key.
 */
export function translate(
  language: string,
  namespace: (typeof NAMESPACES)[number],
  key: string,
  values: Record<string, string | number> = {},
): string {
  const lookup = (catalogue: Catalogue): string | undefined => {
    let node: string | Catalogue | undefined = catalogue;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : undefined;
  };
  const text =
    lookup(RESOURCES[pickUiLanguage([language])][namespace]) ??
    lookup(RESOURCES[FALLBACK_LANGUAGE][namespace]) ??
    key;
  const filled = text.replace(/\{\{(\w+)\}\}/g, (match, name: string) =>
    String(values[name] ?? match),
  );
  return isSpacedCjk(pickUiLanguage([language])) ? spaceCjk(filled) : filled;
}
