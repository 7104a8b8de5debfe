import { useTranslation } from 'react-i18next';
import { isProblem } from './connectionState';
import type { OpenRoom } from './localRooms';
import { useConnectionState } from './useConnectionState';

/**
 * A room's connection state in words and colour, announced to screen readers when it changes.
 * It follows the room itself: every keystroke's local save changes the facts behind it, and
 * only this line re-renders for them, not the page around it.
 */
export function ConnectionStatus({ room }: { room: OpenRoom }) {
  const { t } = useTranslation();
  const state = useConnectionState(room);
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
