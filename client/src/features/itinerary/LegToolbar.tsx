import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { type Item, itineraryTypes, setLegDates } from '@tandem/shared/doc/itinerary';
import type { Side } from '@tandem/shared/people';
import { ThreadFilters } from '../../widgets/threads/ThreadFilters';
import type { ThreadFilter } from '../../widgets/threads/ThreadsContext';
import { languageName } from '../../i18n/languageName';
import { cityOf } from '../../i18n/places';
import { useLegScope } from './LegContext';

/** Which items show: all, those the other side proposed, those still waiting for a decision. */
export type ItemFilter = 'all' | 'otherSide' | 'undecided';

export function keepItem(item: Item, filter: ItemFilter, mySide: Side): boolean {
  if (filter === 'otherSide') return item.proposedBy !== mySide;
  if (filter === 'undecided') return item.status === 'proposed';
  return true;
}

interface Props {
  filter: ItemFilter;
  onFilter: (filter: ItemFilter) => void;
  threadFilter: ThreadFilter;
  onThreadFilter: (filter: ThreadFilter) => void;
}

/** The leg's dates and zone, calendar downloads, filters, and undo of one's own changes. */
export function LegToolbar({ filter, onFilter, threadFilter, onThreadFilter }: Props) {
  const { t, i18n } = useTranslation('itinerary');
  const { doc, side, meta, partnership, canEdit } = useLegScope();
  const undo = useOwnUndo(doc, canEdit);
  const ics = (audience: string) =>
    `/api/partnerships/${partnership.id}/itineraries/${side}.ics?audience=${audience}`;
  return (
    <div className="leg-toolbar">
      {canEdit ? (
        <details className="leg-dates">
          <summary>{t('dates.summary', { start: meta.startDate, end: meta.endDate })}</summary>
          <fieldset className="inline-form">
            <legend>{t('dates.legend', { zone: cityOf(meta.timeZone) })}</legend>
            <label>
              {t('dates.start')}
              <input
                type="date"
                value={meta.startDate}
                onChange={(e) => setLegDates(doc, e.target.value, meta.endDate)}
              />
            </label>
            <label>
              {t('dates.end')}
              <input
                type="date"
                value={meta.endDate}
                min={meta.startDate}
                onChange={(e) => setLegDates(doc, meta.startDate, e.target.value)}
              />
            </label>
          </fieldset>
        </details>
      ) : (
        <p className="hint">
          {t('dates.summary', { start: meta.startDate, end: meta.endDate })} ·{' '}
          {t('dates.legend', { zone: cityOf(meta.timeZone) })}
        </p>
      )}
      <details className="downloads">
        <summary>{t('downloads')}</summary>
        <ul className="plain-list">
          <li>
            <a href={ics('guests')} download>
              {t('ics.guests')}
            </a>
          </li>
          <li>
            <a href={ics('chaperones')} download>
              {t('ics.chaperones')}
            </a>
          </li>
          {meta.languages.map((language) => (
            <li key={language}>
              <a
                href={`/api/partnerships/${partnership.id}/itineraries/${side}.pdf?language=${encodeURIComponent(language)}`}
                download
              >
                {t('pdfLinkIn', { language: languageName(language, i18n.language) })}
              </a>
            </li>
          ))}
        </ul>
      </details>
      <div className="toolbar">
        <label className="field-inline">
          {t('filter.label')}
          <select
            value={filter}
            onChange={(e) =>
              onFilter(
                e.target.value === 'otherSide'
                  ? 'otherSide'
                  : e.target.value === 'undecided'
                    ? 'undecided'
                    : 'all',
              )
            }
          >
            <option value="all">{t('filter.all')}</option>
            <option value="otherSide">{t('filter.otherSide')}</option>
            <option value="undecided">{t('filter.undecided')}</option>
          </select>
        </label>
        {canEdit && (
          <>
            <button
              type="button"
              className="secondary"
              disabled={!undo.canUndo}
              onClick={undo.undo}
            >
              {t('undo')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!undo.canRedo}
              onClick={undo.redo}
            >
              {t('redo')}
            </button>
          </>
        )}
      </div>
      <ThreadFilters value={threadFilter} onChange={onThreadFilter} />
    </div>
  );
}

/**
 * Undo and redo of this person's own changes only: the UndoManager tracks local transactions,
 * never what arrives from others through the provider. Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z work too.
 */
function useOwnUndo(doc: Y.Doc, isEnabled: boolean) {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [, setVersion] = useState(0);
  useEffect(() => {
    if (!isEnabled) return;
    const undoManager = new Y.UndoManager(itineraryTypes(doc), { captureTimeout: 500 });
    const bump = () => setVersion((v) => v + 1);
    undoManager.on('stack-item-added', bump);
    undoManager.on('stack-item-popped', bump);
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // Text fields keep their own undo for the words being typed.
      if (target?.closest('input, textarea, [contenteditable="true"]')) return;
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
      event.preventDefault();
      if (event.shiftKey) undoManager.redo();
      else undoManager.undo();
    };
    window.addEventListener('keydown', onKey);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an external object made here
    setManager(undoManager);
    return () => {
      window.removeEventListener('keydown', onKey);
      undoManager.destroy();
      setManager(null);
    };
  }, [doc, isEnabled]);
  return {
    canUndo: (manager?.undoStack.length ?? 0) > 0,
    canRedo: (manager?.redoStack.length ?? 0) > 0,
    undo: () => manager?.undo(),
    redo: () => manager?.redo(),
  };
}
