import arEmail from './ar/email.json' with { type: 'json' };
import enEmail from './en/email.json' with { type: 'json' };
import esEmail from './es/email.json' with { type: 'json' };
import frEmail from './fr/email.json' with { type: 'json' };
import zhHansEmail from './zh-Hans/email.json' with { type: 'json' };
import arTemplate from './ar/template.json' with { type: 'json' };
import enTemplate from './en/template.json' with { type: 'json' };
import esTemplate from './es/template.json' with { type: 'json' };
import frTemplate from './fr/template.json' with { type: 'json' };
import zhHansTemplate from './zh-Hans/template.json' with { type: 'json' };
import { type Catalogue, FALLBACK_LANGUAGE, pickUiLanguage, type UiLanguage } from './index';

/** Namespaces only the server uses: the agreement template it seeds, and its emails. */
export const SERVER_NAMESPACES = ['template', 'email'] as const;

/** The server's own catalogues, by language then namespace (never in the client bundle). */
export const SERVER_RESOURCES: Record<
  UiLanguage,
  Record<(typeof SERVER_NAMESPACES)[number], Catalogue>
> = {
  en: { template: enTemplate, email: enEmail },
  'zh-Hans': { template: zhHansTemplate, email: zhHansEmail },
  es: { template: esTemplate, email: esEmail },
  fr: { template: frTemplate, email: frEmail },
  ar: { template: arTemplate, email: arEmail },
};

/** An email text in the recipient's language, `{{name}}` filled in; English for a missing key. */
export function translateEmail(
  language: string,
  key: string,
  values: Record<string, string | number> = {},
): string {
  const pick = (lang: UiLanguage) => SERVER_RESOURCES[lang].email[key];
  const text = pick(pickUiLanguage([language])) ?? pick(FALLBACK_LANGUAGE);
  const found = typeof text === 'string' ? text : key;
  return found.replace(/\{\{(\w+)\}\}/g, (match, name: string) => String(values[name] ?? match));
}
