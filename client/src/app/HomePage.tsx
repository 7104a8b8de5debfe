import { useTranslation } from 'react-i18next';
import { draftPath, navigate } from './route';

/** Until partnerships exist (issue 3), home starts a fresh shared draft. */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <section className="home">
      <p>{t('tagline')}</p>
      <button type="button" onClick={() => navigate(draftPath(crypto.randomUUID()))}>
        {t('newDraft')}
      </button>
    </section>
  );
}
