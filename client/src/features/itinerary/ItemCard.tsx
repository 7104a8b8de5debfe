import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Item,
  itemFreeText,
  ITEM_KINDS,
  ITEM_STATUSES,
  itemText,
  type ItemField,
  removeItem,
  setItemField,
} from '@tandem/shared/doc/itinerary';
import { directionOf } from '@tandem/shared/i18n/index';
import { sensitiveKinds } from '@tandem/shared/reciprocity/sensitive';
import { YTextField } from '../../collab/YTextField';
import { ItemThreads } from '../../widgets/threads/ItemThreads';
import { languageName } from '../../i18n/languageName';
import { PromptMarker } from '../../widgets/prompts/PromptMarker';
import { ItemDetails } from './ItemDetails';
import { ItemMoves } from './ItemMoves';
import { ItemVotes } from './ItemVotes';
import { useLegScope } from './LegContext';

/** One itinerary item: bilingual title and notes edited live, its details, votes and threads. */
interface Props {
  item: Item;
  onDragStart: (event: DragEvent) => void;
  /** Dropping another item here puts it before this one. */
  onDrop: (event: DragEvent) => void;
}

export function ItemCard({ item, onDragStart, onDrop }: Props) {
  const { t, i18n } = useTranslation('itinerary');
  const { doc, side, meta, canEdit, partnership, prompts } = useLegScope();
  const set = (field: ItemField, value: unknown) => setItemField(doc, item.id, field, value);
  const warnings = sensitiveKinds(itemFreeText(item));
  const isOtherSide = item.proposedBy !== partnership.you.side;

  return (
    <li
      className={`item item-${item.kind} item-${item.status}`}
      data-item={item.id}
      id={`item-${item.id}`}
      draggable={canEdit}
      onDragStart={onDragStart}
      onDrop={onDrop}
    >
      <div className="item-head">
        <select
          aria-label={t('kind.label')}
          value={item.kind}
          disabled={!canEdit}
          onChange={(e) => set('kind', e.target.value)}
        >
          {ITEM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </select>
        <input
          type="time"
          aria-label={t('start')}
          value={item.start ?? ''}
          readOnly={!canEdit}
          onChange={(e) => set('start', e.target.value || null)}
        />
        <input
          type="time"
          aria-label={t('end')}
          value={item.end ?? ''}
          readOnly={!canEdit}
          onChange={(e) => set('end', e.target.value || null)}
        />
        <select
          aria-label={t('status.label')}
          value={item.status}
          disabled={!canEdit}
          onChange={(e) => set('status', e.target.value)}
        >
          {ITEM_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
        <span className="hint">
          {t('proposedBy', { school: partnership.sides[item.proposedBy].name })}
        </span>
        {isOtherSide && <span className="badge badge-idle">{t('fromOtherSide')}</span>}
        <PromptMarker
          prompts={prompts}
          partnership={partnership}
          target={{ kind: 'item', leg: side, itemId: item.id }}
        />
      </div>
      {meta.languages.map((lang) => {
        const title = itemText(doc, item.id, 'title', lang);
        const language = languageName(lang, i18n.language);
        return (
          title && (
            <YTextField
              key={lang}
              text={title}
              lang={lang}
              dir={directionOf(lang)}
              label={t('titleIn', { language })}
              placeholder={t('titleIn', { language })}
              isEditable={canEdit}
            />
          )
        );
      })}
      {warnings.length > 0 && (
        <p className="notice" role="alert">
          {t('sensitive', { kinds: warnings.map((k) => t(`sensitiveKinds.${k}`)).join(', ') })}
        </p>
      )}
      <ItemDetails item={item} />
      <ItemVotes item={item} />
      {canEdit && (
        <div className="item-actions">
          <ItemMoves item={item} />
          <button type="button" className="link" onClick={() => removeItem(doc, item.id)}>
            {t('remove')}
          </button>
        </div>
      )}
      <ItemThreads itemId={item.id} />
    </li>
  );
}
