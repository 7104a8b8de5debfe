import ar from './languages/ar';
import en from './languages/en';
import es from './languages/es';
import fr from './languages/fr';
import zhHans from './languages/zh-Hans';
import type { Catalogue, Namespace, UiLanguage } from './index';

/**
 * The interface's catalogues, by language then namespace, all at once: for the server, tests and
 * the print layout. The browser loads only the languages it shows (client/src/i18n/i18n.ts).
 */
export const RESOURCES: Record<UiLanguage, Record<Namespace, Catalogue>> = {
  en,
  'zh-Hans': zhHans,
  es,
  fr,
  ar,
};
