import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnershipView } from '@tandem/shared/api';
import {
  agreementTypes,
  type ClauseInfo,
  isSeeded,
  languagesOf,
  listClauses,
} from '@tandem/shared/doc/agreement';
import { formatRoomName } from '@tandem/shared/doc/documents';
import type { SigningState } from '@tandem/shared/doc/status';
import { otherSide } from '@tandem/shared/people';
import { maySign, permissionFor } from '@tandem/shared/permissions';
import type { PromptTarget } from '@tandem/shared/reciprocity/prompt';
import { SchoolPair } from '../../ui/SchoolPair';
import { paths } from '../../platform/route';
import { useSession } from '../../platform/session';
import { usePartnership } from '../../platform/usePartnership';
import { colorFor } from '../../collab/identity';
import { usePeopleHere } from '../../collab/usePeopleHere';
import type { OpenRoom } from '../../collab/localRooms';
import { useRoom } from '../../collab/useRoom';
import { ConnectionStatus } from '../../collab/ConnectionStatus';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { ThreadFilters } from '../../widgets/threads/ThreadFilters';
import { ThreadsContext } from '../../widgets/threads/ThreadsContext';
import { useThreads } from '../../widgets/threads/useThreads';
import '../../widgets/threads/comments.css';
import { PromptsPanel } from '../../widgets/prompts/PromptsPanel';
import { ClauseOutline } from './ClauseOutline';
import { usePrompts } from '../../widgets/prompts/usePrompts';
import '../../widgets/prompts/prompts.css';
import { SigningPanel, useSigningState } from './SigningPanel';
import { AddClause } from './AddClause';
import { AgreementContext, type AgreementScope } from './AgreementContext';
import { ClauseRow } from './ClauseRow';
import { RemovedClauses } from './RemovedClauses';
import { UndoRemoval } from './UndoRemoval';
import { useDocValue } from '../../collab/useDocValue';
import { usePresence } from './usePresence';
import { VersionsPanel } from './VersionsPanel';
import { titleIn } from './titles';
import './agreement.css';

/** Prompts about the itineraries: shown on their pages, not beside the agreement. */
const ITINERARY_TARGETS = new Set(['item', 'leg', 'day']);

/** The bilingual agreement: one row per clause, the viewer's language beside the partner's. */
export function AgreementPage({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation('people');
  const { partnership, error } = usePartnership(partnershipId);
  const agreement = useRoom(formatRoomName({ partnershipId, document: 'agreement' }));
  const status = useRoom(formatRoomName({ partnershipId, document: 'status' }));
  const threads = useRoom(formatRoomName({ partnershipId, document: 'agreement.threads' }));
  if (error) return <ErrorMessage error={error} />;
  if (!partnership || !agreement || !status || !threads) return <p>{t('loading')}</p>;
  return <Agreement room={agreement} status={status} threads={threads} partnership={partnership} />;
}

/** Which title the agreement has now: it follows the signing phase. */
function titlePhase({ phase, isAmendment }: SigningState): string {
  if (phase !== 'draft') return phase;
  return isAmendment ? 'amending' : 'draft';
}

/** Columns: the viewer's school's language, then the partner's, as far as the document has them. */
function columnsFor(partnership: PartnershipView, languages: string[]): string[] {
  const { sides, you } = partnership;
  const preferred = [sides[you.side].language, sides[otherSide(you.side)].language];
  const columns = preferred.filter((lang) => languages.includes(lang));
  for (const lang of languages) if (!columns.includes(lang)) columns.push(lang);
  return [...new Set(columns)];
}

interface Props {
  room: OpenRoom;
  status: OpenRoom;
  threads: OpenRoom;
  partnership: PartnershipView;
}

function Agreement({ room, status, threads, partnership }: Props) {
  const { t } = useTranslation(['agreement', 'common', 'people', 'comments', 'signing']);
  const { account } = useSession();
  const peopleHere = usePeopleHere(room.provider, partnership.you.memberId);
  const presence = usePresence(room.provider);
  const [isShowingVersions, setIsShowingVersions] = useState(false);
  const [removed, setRemoved] = useState<{ clause: ClauseInfo; index: number } | null>(null);
  const types = useMemo(() => agreementTypes(room.doc), [room.doc]);
  const { clauses, languages, isReady } = useDocValue(types, () => ({
    clauses: listClauses(room.doc),
    languages: languagesOf(room.doc),
    isReady: isSeeded(room.doc),
  }));
  const { you } = partnership;
  const signing = useSigningState(status.doc);
  const isFrozen = signing.phase !== 'draft';
  const comments = useThreads({
    partnership,
    document: 'agreement.threads',
    doc: threads.doc,
    content: room.doc,
    timeZone: account?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    isContentFrozen: isFrozen,
  });
  // While signing and once signed, the server refuses every edit: show it as read-only.
  const basePermission = permissionFor(you.role, you.side, 'agreement');
  const permission = isFrozen && basePermission === 'edit' ? 'read' : basePermission;
  const prompts = usePrompts(partnership, { agreement: room.doc, status: status.doc });
  // This page lists the agreement's own prompts; the itineraries' live on their pages.
  const agreementPrompts = useMemo(
    () => prompts.filter((p) => !ITINERARY_TARGETS.has(p.target.kind)),
    [prompts],
  );
  const scope = useMemo<AgreementScope>(
    () => ({
      doc: room.doc,
      status: status.doc,
      provider: room.provider,
      partnership,
      columns: columnsFor(partnership, languages),
      permission,
      identity: { name: account?.name ?? '', color: colorFor(you.memberId) },
      canApprove: maySign(you.role) && !isFrozen,
      prompts,
    }),
    [room, status.doc, partnership, languages, permission, account?.name, you, prompts, isFrozen],
  );

  const placeOf = (target: PromptTarget) => {
    if (target.kind !== 'clause') return null;
    const index = clauses.findIndex((c) => c.id === target.clauseId);
    const clause = clauses[index];
    if (!clause) return null;
    const title = titleIn(clause, scope.columns) || t('untitled');
    return `${t('clauseNumber', { number: index + 1 })} ${title}`;
  };
  const signingPanel = (
    <SigningPanel
      partnership={partnership}
      agreement={room.doc}
      status={status.doc}
      prompts={prompts}
    />
  );
  return (
    <AgreementContext.Provider value={scope}>
      <ThreadsContext.Provider value={comments.scope}>
        <article className="agreement">
          <p className="no-print">
            <a href={paths.partnership(partnership.id)}>
              <SchoolPair schoolA={partnership.sides.A.name} schoolB={partnership.sides.B.name} />
            </a>
          </p>
          <div className="draft-bar">
            <h1>{t(`common:documentTitleByPhase.${titlePhase(signing)}`)}</h1>
            <ConnectionStatus room={room} />
          </div>
          <div className="toolbar no-print">
            <span className="presence">{t('common:peopleHere', { count: peopleHere })}</span>
            <a href={paths.agreementPrint(partnership.id)}>{t('print.open')}</a>
            <a href={paths.inbox(partnership.id)}>
              {t('comments:newSince', { count: comments.unreadCount })}
            </a>
            <button
              type="button"
              className="secondary"
              aria-expanded={isShowingVersions}
              onClick={() => setIsShowingVersions((shown) => !shown)}
            >
              {t('versions.title')}
            </button>
          </div>
          {isFrozen ? (
            <p className="notice frozen-banner" role="note">
              {t(signing.phase === 'signed' ? 'signing:frozenSigned' : 'signing:frozenSigning')}{' '}
              {you.role === 'coordinator' &&
                t(signing.phase === 'signed' ? 'signing:amendPath' : 'signing:cancelPath')}
            </p>
          ) : (
            permission !== 'edit' && (
              <p className="notice" role="note">
                {t(permission === 'comment' ? 'people:access.comment' : 'people:access.read')}
              </p>
            )
          )}
          <div className="workspace">
            <div className="workspace-main">
              {/* Once signing has started it is the page's main task; before, a side entry. */}
              {signing.phase !== 'draft' && signingPanel}
              <ThreadFilters value={comments.filter} onChange={comments.setFilter} />
              {isShowingVersions && <VersionsPanel />}
              {removed && <UndoRemoval removed={removed} onDone={() => setRemoved(null)} />}
              {!isReady ? (
                <p>{t('loadingAgreement')}</p>
              ) : (
                <ol className="clauses">
                  {clauses.map((clause, index) => (
                    <ClauseRow
                      key={clause.id}
                      clause={clause}
                      index={index}
                      count={clauses.length}
                      others={presence.byClause.get(clause.id) ?? []}
                      onHere={presence.setHere}
                      onRemoved={(clause, at) => setRemoved({ clause, index: at })}
                    />
                  ))}
                </ol>
              )}
              {isReady && permission === 'edit' && (
                <>
                  <AddClause />
                  <RemovedClauses />
                </>
              )}
            </div>
            <aside className="workspace-side no-print" aria-label={t('sidePanel')}>
              {isReady && <ClauseOutline clauses={clauses} />}
              <PromptsPanel
                prompts={agreementPrompts}
                partnership={partnership}
                placeOf={placeOf}
              />
              {signing.phase === 'draft' && signingPanel}
            </aside>
          </div>
        </article>
      </ThreadsContext.Provider>
    </AgreementContext.Provider>
  );
}
