/**
 * Machine translation behind one interface (P10: a helper, never the final word). A provider
 * is a server schools can host themselves: LibreTranslate or Apertium's APy. Tandem's server
 * calls it; browsers never do.
 */
export interface TranslationProvider {
  /** `libretranslate` or `apertium`, as reported to clients. */
  readonly name: string;
  /** The pairs it translates, as base language subtags (`en` → `es`). */
  pairs(): Promise<LanguagePair[]>;
  /** `text` from one base language to another; throws ProviderDown or UnsupportedByProvider. */
  translate(text: string, from: string, to: string): Promise<string>;
}

export interface LanguagePair {
  from: string;
  to: string;
}

/** The provider did not answer, or answered with something that is not a translation. */
export class ProviderDown extends Error {
  override readonly name = 'ProviderDown';
}

/** The provider says it does not have this pair. */
export class UnsupportedByProvider extends Error {
  override readonly name = 'UnsupportedByProvider';
}

/** How long a provider has to answer, in ms. */
export const PROVIDER_TIMEOUT_MS = 15_000;

/** POSTs to a provider and reads its JSON answer; network failures become ProviderDown. */
export async function callProvider(
  url: string,
  init: { method: 'GET' | 'POST'; body?: string; contentType?: string },
): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: init.contentType ? { 'Content-Type': init.contentType } : {},
      body: init.body ?? null,
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ProviderDown(`The translation provider at ${new URL(url).origin} did not answer`, {
      cause: error,
    });
  }
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    throw new ProviderDown(`The translation provider answered ${res.status} without JSON.`);
  }
}

/** The base language subtag of a BCP 47 tag, as providers name languages (`zh-Hans` → `zh`). */
export function baseLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}
