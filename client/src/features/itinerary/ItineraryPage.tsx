import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnershipView } from '@tandem/shared/api';
import { formatRoomName } from '@tandem/shared/doc/documents';
import {
  type Item,
  isLegSeeded,
  itemsOn,
  itineraryTypes,
  legDates,
  readItems,
  readMeta,
} from '@tandem/shared/doc/itinerary';
import { otherSide, type Side } from '@tandem/shared/people';
import { permissionFor } from '@tandem/shared/permissions';
import { paths } from '../../platform/route';
import { useSession } from '../../platform/session';
import { usePartnership } from '../../platform/usePartnership';
import { useDocValue } from '../../collab/useDocValue';
import type { OpenRoom } from '../../collab/localRooms';
import { useRoom } from '../../collab/useRoom';
import { ThreadsContext } from '../../widgets/threads/ThreadsContext';
import { useThreads } from '../../widgets/threads/useThreads';
import { ConnectionStatus } from '../../collab/ConnectionStatus';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { PromptsPanel } from '../../widgets/prompts/PromptsPanel';
import { usePrompts } from '../../widgets/prompts/usePrompts';
import '../../widgets/prompts/prompts.css';
import { DayTimeline, dayLabel } from './DayTimeline';
import { ItemSheet } from './ItemSheet';
import { LegContext, type LegScope } from './LegContext';
import { LegToolbar, type ItemFilter, keepItem } from './LegToolbar';
import { readTitle } from './itemTitle';
import { promptsFor } from './legPrompts';
import { useDeferredRemovals } from './useDeferredRemovals';
import '../../widgets/threads/comments.css';
import './itinerary.css';

export function ItineraryPage({ partnershipId, side }: { partnershipId: string; side: Side }) {
  const { t } = useTranslation('people');
  const { partnership, error } = usePartnership(partnershipId);
  const leg = useRoom(formatRoomName({ partnershipId, document: `itinerary.${side}` }));
  const threads = useRoom(formatRoomName({ partnershipId, document: `itinerary.${side}.threads` }));
  if (error) return <ErrorMessage error={error} />;
  if (!partnership || !leg || !threads) return <p>{t('loading')}</p>;
  return <Leg side={side} room={leg} threads={threads} partnership={partnership} />;
}

interface Props {
  side: Side;
  room: OpenRoom;
  threads: OpenRoom;
  partnership: PartnershipView;
}

/**
 * One leg, read first: each day a timeline of compact rows; an item's sheet holds its form (for
 * the host side) or its details, votes and comments (for the visiting side).
 */
function Leg({ side, room, threads, partnership }: Props) {
  const { t, i18n } = useTranslation('itinerary');
  const { account } = useSession();
  const [filter, setFilter] = useState<ItemFilter>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const types = useMemo(() => itineraryTypes(room.doc), [room.doc]);
  const { meta, items, isReady } = useDocValue(types, () => ({
    meta: readMeta(room.doc),
    items: readItems(room.doc),
    isReady: isLegSeeded(room.doc),
  }));
  const { you } = partnership;
  const comments = useThreads({
    partnership,
    document: `itinerary.${side}.threads`,
    doc: threads.doc,
    content: room.doc,
    timeZone: account?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const permission = permissionFor(you.role, you.side, `itinerary.${side}`);
  const canEdit = permission === 'edit';
  const allPrompts = usePrompts(partnership, { [side]: room.doc });
  const prompts = useMemo(
    () => promptsFor(allPrompts, { role: you.role, side: you.side, canEdit }),
    [allPrompts, you.role, you.side, canEdit],
  );
  const removals = useDeferredRemovals(room.doc);
  const readerLanguages = useMemo(
    () => [i18n.language, partnership.sides[you.side].language],
    [i18n.language, partnership.sides, you.side],
  );
  const scope = useMemo<LegScope | null>(
    () =>
      meta && {
        doc: room.doc,
        side,
        meta,
        partnership,
        canEdit,
        canGiveFeedback: canEdit || permission === 'comment',
        prompts,
        readerLanguages,
        open: setOpenId,
        remove: removals.remove,
        announce: setAnnouncement,
      },
    [
      meta,
      room.doc,
      side,
      partnership,
      canEdit,
      permission,
      prompts,
      readerLanguages,
      removals.remove,
    ],
  );
  if (!isReady || !scope || !meta) return <p>{t('loading')}</p>;
  const hidden = new Set(removals.pending.map((i) => i.id));
  const shown = items.filter((item) => !hidden.has(item.id) && keepItem(item, filter, you.side));
  const openItem = items.find((i) => i.id === openId && !hidden.has(i.id)) ?? null;
  const closeSheet = () => setOpenId(null);
  // Items off the leg's dates (none, or moved out by new dates) wait apart, only when there are any.
  const unscheduled = shown.filter(
    (i) => i.date === null || i.date < meta.startDate || i.date > meta.endDate,
  );
  const titleOf = (item: Item) => readTitle(item.title, readerLanguages).text || t('untitled');

  return (
    <LegContext.Provider value={scope}>
      <ThreadsContext.Provider value={comments.scope}>
        <article className="leg">
          <nav className="toolbar" aria-label={t('nav')}>
            <a href={paths.partnership(partnership.id)}>{t('back')}</a>
            <a href={paths.compareLegs(partnership.id)}>{t('compare.link')}</a>
          </nav>
          <div className="draft-bar">
            <h1>
              {t('title', {
                host: partnership.sides[side].name,
                guests: partnership.sides[otherSide(side)].name,
              })}
            </h1>
            <ConnectionStatus room={room} />
          </div>
          <PromptsPanel
            prompts={prompts}
            partnership={partnership}
            placeOf={(target) => {
              if (target.kind === 'day') return dayLabel(target.date, i18n.language);
              const item = target.kind === 'item' && items.find((i) => i.id === target.itemId);
              return item ? titleOf(item) : null;
            }}
          />
          <LegToolbar
            filter={filter}
            onFilter={setFilter}
            threadFilter={comments.filter}
            onThreadFilter={comments.setFilter}
          />
          {removals.pending.map((item) => (
            <div key={item.id} className="undo-bar" role="status">
              <span>{t('deleted', { title: titleOf(item) })}</span>
              <button type="button" autoFocus onClick={() => removals.undo(item.id)}>
                {t('undoDelete')}
              </button>
            </div>
          ))}
          <div className="days">
            {legDates(meta).map((date) => (
              <DayTimeline key={date} date={date} items={itemsOn(shown, date)} />
            ))}
            {unscheduled.length > 0 && <DayTimeline date={null} items={unscheduled} />}
          </div>
          <p className="visually-hidden" aria-live="polite">
            {announcement}
          </p>
          <ItemSheet item={openItem} onClose={closeSheet} />
        </article>
      </ThreadsContext.Provider>
    </LegContext.Provider>
  );
}
