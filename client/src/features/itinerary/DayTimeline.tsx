import { type DragEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addItem, type Item, moveItem, placeByTime } from '@tandem/shared/doc/itinerary';
import { plainDateUtc } from '@tandem/shared/time';
import { api } from '../../platform/api';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { ItemRow } from './ItemRow';
import { useLegScope } from './LegContext';
import { DRAG_TYPE } from './MoveHandle';

/** Wall-clock dates need no zone: format them as UTC dates. */
export function dayLabel(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(plainDateUtc(date));
}

/** One day of a leg (or the unscheduled items) as a timeline, and adding to it in one line. */
export function DayTimeline({ date, items }: { date: string | null; items: Item[] }) {
  const { t, i18n } = useTranslation('itinerary');
  const { doc, canEdit } = useLegScope();
  const label = date ? dayLabel(date, i18n.language) : t('unscheduled');
  const onDrop = (event: DragEvent, beforeId: string | null) => {
    const id = event.dataTransfer.getData(DRAG_TYPE);
    if (!id || !canEdit) return;
    event.preventDefault();
    event.stopPropagation();
    if (id !== beforeId) moveItem(doc, id, date, beforeId);
  };
  return (
    <section
      className="day"
      aria-label={label}
      onDragOver={(e) => canEdit && e.preventDefault()}
      onDrop={(e) => onDrop(e, null)}
    >
      <h2>{label}</h2>
      {items.length === 0 ? (
        <p className="hint">{t('dayEmpty')}</p>
      ) : (
        <ol className="timeline">
          {items.map((item) => (
            <ItemRow key={item.id} item={item} onDrop={(e) => onDrop(e, item.id)} />
          ))}
        </ol>
      )}
      <NewItemLine date={date} dayName={label} />
    </section>
  );
}

/**
 * Adding takes one line, a title and an optional time; the details wait in the item's sheet.
 * Host-side editors add; the visiting side suggests, through the server (P19).
 */
function NewItemLine({ date, dayName }: { date: string | null; dayName: string }) {
  const { t, i18n } = useTranslation('itinerary');
  const { doc, side, meta, partnership, canEdit, canGiveFeedback } = useLegScope();
  const [isOpen, setIsOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [start, setStart] = useState('');
  const titleField = useRef<HTMLInputElement>(null);
  const ownLanguage = partnership.sides[partnership.you.side].language;
  const lang = meta.languages.includes(ownLanguage)
    ? ownLanguage
    : (meta.languages[0] ?? i18n.language);
  const done = () => {
    setTitle('');
    setStart('');
    titleField.current?.focus();
  };
  const suggest = useAction(() =>
    api('POST', `/api/partnerships/${partnership.id}/itineraries/${side}/proposals`, {
      date,
      kind: 'group-event',
      lang,
      title: title.trim(),
      start: start || null,
    }).then(done),
  );
  if (!canEdit && !canGiveFeedback) return null;
  const openLabel = t(canEdit ? 'addTo' : 'suggestFor', { day: dayName });
  if (!isOpen) {
    return (
      <button type="button" className="secondary add-line" onClick={() => setIsOpen(true)}>
        {openLabel}
      </button>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    if (!canEdit) return void suggest.run();
    const id = crypto.randomUUID();
    addItem(doc, {
      id,
      date,
      kind: 'group-event',
      title: { [lang]: title.trim() },
      languages: meta.languages,
      proposedBy: partnership.you.side,
      status: partnership.you.side === side ? 'agreed' : 'proposed',
      start: start || null,
    });
    placeByTime(doc, id);
    done();
  };
  return (
    <form className="new-item" aria-label={openLabel} onSubmit={onSubmit}>
      <input
        ref={titleField}
        autoFocus
        dir="auto"
        value={title}
        lang={lang}
        maxLength={200}
        aria-label={t('newTitle')}
        placeholder={t('newTitle')}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setIsOpen(false);
        }}
      />
      <input
        type="time"
        value={start}
        aria-label={t('newStart')}
        onChange={(e) => setStart(e.target.value)}
      />
      <button type="submit" disabled={!title.trim() || suggest.isRunning}>
        {t(canEdit ? 'add' : 'suggest')}
      </button>
      <button type="button" className="link" onClick={() => setIsOpen(false)}>
        {t('close')}
      </button>
      <ErrorMessage error={suggest.error} />
    </form>
  );
}
