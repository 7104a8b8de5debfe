import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** A failed action, in the reader's language, announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation('errors');
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'INTERNAL';
  const { reason, retryAfterSeconds } = error instanceof ApiError ? error.details : {};
  return (
    <p className="error" role="alert">
      {t(code)}
      {code === 'WEAK_PASSWORD' && reason && ` ${t(`WEAK_PASSWORD_reason.${reason}`)}`}
      {code === 'NOT_A_PDF' && reason && ` ${t(`NOT_A_PDF_reason.${reason}`)}`}
      {code === 'RATE_LIMITED' &&
        retryAfterSeconds !== undefined &&
        ` ${t('RATE_LIMITED_wait', { count: retryAfterSeconds })}`}
    </p>
  );
}
