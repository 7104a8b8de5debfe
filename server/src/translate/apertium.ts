import { z } from 'zod';
import {
  baseLanguage,
  callProvider,
  type LanguagePair,
  ProviderDown,
  type TranslationProvider,
  UnsupportedByProvider,
} from './provider';

/** ISO 639-3 codes APy lists, for the base subtags of BCP 47 (APy accepts both in requests). */
const ALPHA2: Record<string, string> = {
  ara: 'ar',
  cat: 'ca',
  deu: 'de',
  eng: 'en',
  eus: 'eu',
  fra: 'fr',
  glg: 'gl',
  ita: 'it',
  nld: 'nl',
  oci: 'oc',
  por: 'pt',
  ron: 'ro',
  rus: 'ru',
  spa: 'es',
  zho: 'zh',
};

const Pairs = z.object({
  responseData: z.array(z.object({ sourceLanguage: z.string(), targetLanguage: z.string() })),
});
const Translated = z.object({ responseData: z.object({ translatedText: z.string() }) });
const Failure = z.object({ message: z.string().optional(), explanation: z.string().optional() });

/** `eng`, `eng_US` → `en`. */
function fromApertium(code: string): string {
  const base = code.split('_')[0] ?? code;
  return ALPHA2[base] ?? baseLanguage(base);
}

/**
 * Apertium's APy (https://wiki.apertium.org/wiki/Apertium-apy): `/listPairs` and
 * `/translate` with a form body; unknown words are left as they are, unmarked.
 */
export function apertium(baseUrl: string, apiKey: string | null): TranslationProvider {
  const url = (path: string) => new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  return {
    name: 'apertium',
    async pairs(): Promise<LanguagePair[]> {
      const { status, body } = await callProvider(url('listPairs').href, { method: 'GET' });
      const parsed = Pairs.safeParse(body);
      if (status !== 200 || !parsed.success) {
        throw new ProviderDown(`Apertium's listPairs answered ${status}.`);
      }
      const pairs = parsed.data.responseData.map((p) => ({
        from: fromApertium(p.sourceLanguage),
        to: fromApertium(p.targetLanguage),
      }));
      // `eng_US` and `eng` are one pair here.
      return [...new Map(pairs.map((p) => [`${p.from}|${p.to}`, p])).values()];
    },
    async translate(text, from, to): Promise<string> {
      const form = new URLSearchParams({ q: text, langpair: `${from}|${to}`, markUnknown: 'no' });
      if (apiKey) form.set('key', apiKey);
      const { status, body } = await callProvider(url('translate').href, {
        method: 'POST',
        contentType: 'application/x-www-form-urlencoded',
        body: form.toString(),
      });
      const translated = Translated.safeParse(body);
      if (status === 200 && translated.success) return translated.data.responseData.translatedText;
      const failure = Failure.safeParse(body);
      const why = failure.success ? (failure.data.explanation ?? failure.data.message ?? '') : '';
      if (status === 400 && /pair/i.test(why)) throw new UnsupportedByProvider(why);
      throw new ProviderDown(`Apertium answered ${status}${why ? `: ${why}` : ''}.`);
    },
  };
}
