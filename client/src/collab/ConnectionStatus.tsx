import { useTranslation } from 'react-i18next';
import { type ConnectionState, isProblem } from './connectionState';

/** The connection state in words and colour, announced to screen readers when it changes. */
export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  return (
    <p
      className={`connection connection--${state}`}
      role={isProblem(state) ? 'alert' : 'status'}
      data-state={state}
    >
      {t(`connection.${state}`)}
    </p>
  );
}
