import { apertium } from './apertium';
import { libreTranslate } from './libreTranslate';
import type { TranslationProvider } from './provider';

/** The provider TRANSLATE_API names, at TRANSLATE_URL. */
export function providerFor(
  api: 'libretranslate' | 'apertium',
  url: string,
  key: string | null,
): TranslationProvider {
  return api === 'apertium' ? apertium(url, key) : libreTranslate(url, key);
}
