import { useTranslation } from 'react-i18next';
import { DraftPage } from '../features/agreement/DraftPage';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { HomePage } from './HomePage';
import { useRoute } from './route';

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  return (
    <div className="app">
      <header className="app-header">
        <a className="app-name" href="/">
          {t('appName')}
        </a>
        <LanguagePicker />
      </header>
      <main>
        {route.name === 'draft' ? (
          <DraftPage key={route.partnershipId} partnershipId={route.partnershipId} />
        ) : (
          <HomePage />
        )}
      </main>
    </div>
  );
}
