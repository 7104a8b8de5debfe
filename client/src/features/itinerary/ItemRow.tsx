import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type Item, VOTES } from '@tandem/shared/doc/itinerary';
import { languageName } from '../../i18n/languageName';
import { PromptMarker } from '../../widgets/prompts/PromptMarker';
import { ItemDecision } from './ItemDecision';
import { ItemVotes } from './ItemVotes';
import { useLegScope } from './LegContext';
import { MoveHandle } from './MoveHandle';
import { readTitle } from './itemTitle';

/**
 * One item as a line of the day's timeline: time, kind, the title in the reader's language
 * with the other beneath, chaperones and votes at a glance. Tapping it opens its sheet.
 */
export function ItemRow({ item, onDrop }: { item: Item; onDrop: (event: DragEvent) => void }) {
  const { t, i18n } = useTranslation('itinerary');
  const { side, canEdit, canGiveFeedback, partnership, prompts, readerLanguages, open } =
    useLegScope();
  const title = readTitle(item.title, readerLanguages);
  const shownTitle = title.text || t('untitled');
  const time = item.start ? (item.end ? `${item.start}–${item.end}` : item.start) : '';
  const votes = VOTES.map((v) => [v, Object.values(item.votes).filter((x) => x === v).length])
    .filter(([, n]) => n)
    .map(([v, n]) => t(`votes.glance.${v}`, { count: n }));
  const chaperones = item.chaperones
    .map((id) => partnership.members.find((m) => m.id === id)?.name)
    .filter(Boolean);
  return (
    <li
      className={`item-row item-${item.kind} item-${item.status}`}
      id={`item-${item.id}`}
      data-item={item.id}
      onDragOver={(event) => canEdit && event.preventDefault()}
      onDrop={onDrop}
    >
      {canEdit && <MoveHandle item={item} title={shownTitle} />}
      <button
        type="button"
        className="item-open"
        aria-haspopup="dialog"
        onClick={() => open(item.id)}
      >
        <span className="item-time">{time || t('anyTime')}</span>
        <span className="item-main">
          <span className="item-title" lang={title.lang} dir="auto">
            {shownTitle}
          </span>
          {title.isFallback && (
            <small className="hint">
              {' '}
              {t('onlyIn', { language: languageName(title.lang, i18n.language) })}
            </small>
          )}
          {title.other && (
            <span className="item-other" lang={title.other.lang} dir="auto">
              {title.other.text}
            </span>
          )}
          <span className="item-meta">
            {[
              t(`kind.${item.kind}`),
              chaperones.length > 0 && t('withChaperones', { names: chaperones.join(', ') }),
              ...votes,
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </span>
      </button>
      <PromptMarker
        prompts={prompts}
        partnership={partnership}
        target={{ kind: 'item', leg: side, itemId: item.id }}
      />
      <ItemDecision item={item} />
      {!canEdit && canGiveFeedback && <ItemVotes item={item} />}
    </li>
  );
}
