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
import { useConnectionState } from '../../collab/useConnectionState';
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
import { DayColumn } from './DayColumn';
import { LegContext, type LegScope } from './LegContext';
import { LegToolbar, type ItemFilter, keepItem } from './LegToolbar';
import '../../widgets/threads/comments.css';
import './itinerary.css';

/** One hosting leg, day by day (P17–P23). */
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

function Leg({ side, room, threads, partnership }: Props) {
  const { t, i18n } = useTranslation('itinerary');
  const { account } = useSession();
  const state = useConnectionState(room);
  const [filter, setFilter] = useState<ItemFilter>('all');
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
  const prompts = usePrompts(partnership, { [side]: room.doc });
  const scope = useMemo<LegScope | null>(
    () =>
      meta && {
        doc: room.doc,
        side,
        meta,
        partnership,
        canEdit: permission === 'edit',
        canGiveFeedback: permission === 'edit' || permission === 'comment',
        prompts,
      },
    [meta, room.doc, side, partnership, permission, prompts],
  );
  if (!isReady || !scope || !meta) return <p>{t('loading')}</p>;
  const shown = items.filter((item) => keepItem(item, filter, you.side));

  return (
    <LegContext.Provider value={scope}>
      <ThreadsContext.Provider value={comments.scope}>
        <article className="leg">
          <nav className="toolbar">
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
            <ConnectionStatus state={state} />
          </div>
          <PromptsPanel
            prompts={prompts}
            partnership={partnership}
            placeOf={(target) =>
              target.kind === 'item' ? itemPlace(items, target.itemId, i18n.language) : null
            }
          />
          <LegToolbar
            filter={filter}
            onFilter={setFilter}
            threadFilter={comments.filter}
            onThreadFilter={comments.setFilter}
          />
          <div className="days">
            {legDates(meta).map((date) => (
              <DayColumn key={date} date={date} items={itemsOn(shown, date)} />
            ))}
            <DayColumn
              date={null}
              items={shown.filter(
                (i) => i.date === null || i.date < meta.startDate || i.date > meta.endDate,
              )}
            />
          </div>
        </article>
      </ThreadsContext.Provider>
    </LegContext.Provider>
  );
}

/** An item's title for a prompt naming it: in the reader's language first, else the other. */
function itemPlace(items: readonly Item[], itemId: string, reader: string): string | null {
  const item = items.find((i) => i.id === itemId);
  if (!item) return null;
  const titles = Object.entries(item.title).filter(([, text]) => text.trim() !== '');
  const own = titles.find(([lang]) => reader.startsWith(lang) || lang.startsWith(reader));
  return (own ?? titles[0])?.[1] ?? null;
}
