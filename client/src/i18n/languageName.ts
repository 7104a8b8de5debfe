/** A content language's name in the UI language, e.g. `zh-Hans` → "简体中文" or "Simplified Chinese". */
export function languageName(lang: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
