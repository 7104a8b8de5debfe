/** Intl.DisplayNames per UI language: making one costs far more than asking it. */
const namers = new Map<string, Intl.DisplayNames | null>();

function namerFor(uiLanguage: string): Intl.DisplayNames | null {
  let namer = namers.get(uiLanguage);
  if (namer === undefined) {
    try {
      namer = new Intl.DisplayNames([uiLanguage], { type: 'language' });
    } catch {
      namer = null;
    }
    namers.set(uiLanguage, namer);
  }
  return namer;
}

/** A content language's name in the UI language, e.g. `zh-Hans` → "简体中文" or "Simplified Chinese". */
export function languageName(lang: string, uiLanguage: string): string {
  try {
    return namerFor(uiLanguage)?.of(lang) ?? lang;
  } catch {
    return lang;
  }
}
