import { type DragEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addItem,
  type Item,
  ITEM_KINDS,
  type ItemKind,
  moveItem,
} from '@tandem/shared/doc/itinerary';
import { plainDateUtc } from '@tandem/shared/time';
import { api } from '../../platform/api';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { ItemCard } from './ItemCard';
import { useLegScope } from './LegContext';

const DRAG_TYPE = 'application/x-tandem-item';

/** Wall-clock dates need no zone: format them as UTC dates. */
function dayLabel(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(plainDateUtc(date));
}

/** One day of a leg (or the unscheduled items): its items in order, and adding one. */
export function DayColumn({ date, items }: { date: string | null; items: Item[] }) {
  const { t, i18n } = useTranslation('itinerary');
  const { doc, canEdit } = useLegScope();
  const onDrop = (event: DragEvent, beforeId: string | null) => {
    const id = event.dataTransfer.getData(DRAG_TYPE);
    if (!id || !canEdit) return;
    event.preventDefault();
    event.stopPropagation();
    moveItem(doc, id, date, beforeId);
  };
  const scheduled = items.filter((i) => i.start).length;
  return (
    <section
      className="day"
      aria-label={date ? dayLabel(date, i18n.language) : t('unscheduled')}
      onDragOver={(e) => canEdit && e.preventDefault()}
      onDrop={(e) => onDrop(e, null)}
    >
      <h2>{date ? dayLabel(date, i18n.language) : t('unscheduled')}</h2>
      <p className="hint">{t('dayCount', { count: items.length, timed: scheduled })}</p>
      <ol className="items">
        {items.map((item) => (
          <ItemCard
            key={item.id}
            item={item}
            onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, item.id)}
            onDrop={(e) => onDrop(e, item.id)}
          />
        ))}
      </ol>
      <NewItem date={date} />
    </section>
  );
}

/** Host-side editors add items; the visiting side proposes them through the server (P19). */
function NewItem({ date }: { date: string | null }) {
  const { t, i18n } = useTranslation('itinerary');
  const { doc, side, meta, partnership, canEdit, canGiveFeedback } = useLegScope();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ItemKind>('group-event');
  const lang = meta.languages.includes(partnership.sides[partnership.you.side].language)
    ? partnership.sides[partnership.you.side].language
    : (meta.languages[0] ?? i18n.language);
  const propose = useAction(() =>
    api('POST', `/api/partnerships/${partnership.id}/itineraries/${side}/proposals`, {
      date,
      kind,
      lang,
      title: title.trim(),
    }).then(() => setTitle('')),
  );
  if (!canEdit && !canGiveFeedback) return null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    if (!canEdit) return void propose.run();
    addItem(doc, {
      id: crypto.randomUUID(),
      date,
      kind,
      title: { [lang]: title.trim() },
      languages: meta.languages,
      proposedBy: partnership.you.side,
      status: partnership.you.side === side ? 'agreed' : 'proposed',
    });
    setTitle('');
  };
  return (
    <form className="inline-form new-item" onSubmit={onSubmit}>
      <select
        aria-label={t('kind.label')}
        value={kind}
        onChange={(e) => setKind(ITEM_KINDS.find((k) => k === e.target.value) ?? 'group-event')}
      >
        {ITEM_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}`)}
          </option>
        ))}
      </select>
      <input
        dir="auto"
        value={title}
        lang={lang}
        aria-label={t('newTitle')}
        placeholder={t('newTitle')}
        onChange={(e) => setTitle(e.target.value)}
      />
      <button type="submit" className="secondary" disabled={!title.trim() || propose.isRunning}>
        {t(canEdit ? 'add' : 'propose')}
      </button>
      <ErrorMessage error={propose.error} />
    </form>
  );
}
