import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';

/** A failed action, in the reader's language, announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation('errors');
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'INTERNAL';
  return (
    <p className="error" role="alert">
      {t(code)}
    </p>
  );
}
