import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getClauseText } from '@tandem/shared/doc/agreement';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { permissionFor } from '@tandem/shared/permissions';
import { paths } from '../../app/route';
import { useSession } from '../../app/session';
import type { PartnershipView } from '@tandem/shared/api';
import { usePartnership } from '../../app/usePartnership';
import { colorFor } from '../../collab/identity';
import { useConnectionState } from '../../collab/useConnectionState';
import { usePeopleHere } from '../../collab/usePeopleHere';
import { type OpenRoom, useRoom } from '../../collab/useRoom';
import { CollabEditor } from '../../editor/CollabEditor';
import { ConnectionStatus } from '../../ui/ConnectionStatus';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** The shell's one clause until the bilingual agreement grid lands (issue 4). */
const SHELL_CLAUSE = 'purpose';

export function AgreementPage({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation('people');
  const { partnership, error } = usePartnership(partnershipId);
  const room = useRoom(formatRoomName({ partnershipId, document: 'agreement' }));
  if (error) return <ErrorMessage error={error} />;
  if (!partnership || !room) return <p>{t('loading')}</p>;
  return <Agreement room={room} partnership={partnership} />;
}

function Agreement({ room, partnership }: { room: OpenRoom; partnership: PartnershipView }) {
  const { t } = useTranslation(['common', 'people']);
  const { account } = useSession();
  const state = useConnectionState(room);
  const peopleHere = usePeopleHere(room.provider);
  const { you } = partnership;
  const permission = permissionFor(you.role, you.side, 'agreement');
  // Until the bilingual grid (issue 4), everyone edits the clause in school A's language.
  const lang = partnership.sides.A.language;
  const identity = useMemo(
    () => ({ name: account?.name ?? '', color: colorFor(you.memberId) }),
    [account?.name, you.memberId],
  );
  return (
    <article className="draft">
      <p>
        <a href={paths.partnership(partnership.id)}>
          {t('people:list.between', {
            schoolA: partnership.sides.A.name,
            schoolB: partnership.sides.B.name,
          })}
        </a>
      </p>
      <div className="draft-bar">
        <h1>{t('documentTitle')}</h1>
        <ConnectionStatus state={state} />
      </div>
      <p className="presence">{t('peopleHere', { count: peopleHere })}</p>
      {permission !== 'edit' && (
        <p className="notice" role="note">
          {t(permission === 'comment' ? 'people:access.comment' : 'people:access.read')}
        </p>
      )}
      <CollabEditor
        fragment={getClauseText(room.doc, SHELL_CLAUSE, lang)}
        provider={room.provider}
        identity={identity}
        lang={lang}
        label={t('editorLabel')}
        isEditable={permission === 'edit'}
      />
    </article>
  );
}
