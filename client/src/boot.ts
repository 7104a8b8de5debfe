import { preloadScreen } from './app/screenCode';
import { preloadCatalogues } from './i18n/catalogues';
import { askEarly } from './platform/whoIsSignedIn';

/**
 * The page's first script, kept small: it asks who is signed in and starts fetching the code
 * of the screen the URL names and the person's language, all alongside the app itself, so
 * that on a slow school connection none of them waits for another (P24).
 */
askEarly();
preloadScreen(location.pathname);
preloadCatalogues();
void import('./main');
