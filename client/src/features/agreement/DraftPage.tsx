import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { getClauseText } from '@tandem/shared/doc/agreement';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { guestNumber, useIdentity } from '../../collab/identity';
import { useConnectionState } from '../../collab/useConnectionState';
import { type OpenRoom, useRoom } from '../../collab/useRoom';
import { CollabEditor } from '../../editor/CollabEditor';
import { ConnectionStatus } from '../../ui/ConnectionStatus';

/** The shell's one clause until the bilingual agreement grid lands (issue 4). */
const SHELL_CLAUSE = 'purpose';
const SHELL_LANG = 'en';

export function DraftPage({ partnershipId }: { partnershipId: string }) {
  const room = useRoom(formatRoomName({ partnershipId, document: 'agreement' }));
  return room ? <Draft room={room} /> : null;
}

function Draft({ room }: { room: OpenRoom }) {
  const { t } = useTranslation();
  const nameId = useId();
  const guestName = t('guestName', { number: guestNumber() });
  const { typedName, identity, setName } = useIdentity(guestName);
  const state = useConnectionState(room);
  const fragment = getClauseText(room.doc, SHELL_CLAUSE, SHELL_LANG);
  return (
    <article className="draft">
      <div className="draft-bar">
        <h1>{t('documentTitle')}</h1>
        <ConnectionStatus state={state} />
      </div>
      <p className="field-inline">
        <label htmlFor={nameId}>{t('yourName')}</label>
        <input
          id={nameId}
          value={typedName}
          placeholder={guestName}
          onChange={(event) => setName(event.target.value)}
          autoComplete="name"
        />
      </p>
      <CollabEditor
        fragment={fragment}
        provider={room.provider}
        identity={identity}
        lang={SHELL_LANG}
        label={t('editorLabel')}
      />
    </article>
  );
}
