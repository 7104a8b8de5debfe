import { z } from 'zod';
import {
  baseLanguage,
  callProvider,
  type LanguagePair,
  ProviderDown,
  type TranslationProvider,
  UnsupportedByProvider,
} from './provider';

/** `GET /languages`: each language with the targets it translates to. */
const Languages = z.array(
  z.object({ code: z.string(), name: z.string().optional(), targets: z.array(z.string()) }),
);
/** `POST /translate` with `format: text`. */
const Translated = z.object({ translatedText: z.string() });
const Failure = z.object({ error: z.string() });

/**
 * LibreTranslate's API (https://libretranslate.com/docs): JSON in and out, an optional
 * `api_key`. A 400 naming a language means the pair is not there.
 */
export function libreTranslate(baseUrl: string, apiKey: string | null): TranslationProvider {
  const url = (path: string) => new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  return {
    name: 'libretranslate',
    async pairs(): Promise<LanguagePair[]> {
      const query = apiKey ? `?api_key=${encodeURIComponent(apiKey)}` : '';
      const { status, body } = await callProvider(`${url('languages').href}${query}`, {
        method: 'GET',
      });
      const parsed = Languages.safeParse(body);
      if (status !== 200 || !parsed.success) {
        throw new ProviderDown(`LibreTranslate's languages answered ${status}.`);
      }
      return parsed.data.flatMap((language) =>
        language.targets
          .filter((target) => target !== language.code)
          .map((target) => ({ from: baseLanguage(language.code), to: baseLanguage(target) })),
      );
    },
    async translate(text, from, to): Promise<string> {
      const { status, body } = await callProvider(url('translate').href, {
        method: 'POST',
        contentType: 'application/json',
        body: JSON.stringify({
          q: text,
          source: from,
          target: to,
          format: 'text',
          ...(apiKey ? { api_key: apiKey } : {}),
        }),
      });
      const translated = Translated.safeParse(body);
      if (status === 200 && translated.success) return translated.data.translatedText;
      const failure = Failure.safeParse(body);
      if (status === 400 && failure.success && /language|not supported/i.test(failure.data.error)) {
        throw new UnsupportedByProvider(failure.data.error);
      }
      throw new ProviderDown(
        `LibreTranslate answered ${status}${failure.success ? `: ${failure.data.error}` : ''}.`,
      );
    },
  };
}
