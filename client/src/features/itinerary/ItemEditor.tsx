import { useTranslation } from 'react-i18next';
import {
  type Item,
  type ItemField,
  ITEM_KINDS,
  itemText,
  placeByTime,
  setItemField,
} from '@tandem/shared/doc/itinerary';
import { directionOf } from '@tandem/shared/i18n/index';
import { YTextField } from '../../collab/YTextField';
import { languageName } from '../../i18n/languageName';
import { useLegScope } from './LegContext';
import { MOVES, canMove, makeMove } from './itemMoves';
import { readTitle } from './itemTitle';
import { useMoveAnnouncer } from './useMoveAnnouncer';

/** The host side's form for one item: kind, times, titles in both languages, moves. */
export function ItemEditor({ item }: { item: Item }) {
  const { t, i18n } = useTranslation('itinerary');
  const { doc, meta, readerLanguages } = useLegScope();
  const announceMove = useMoveAnnouncer();
  const set = (field: ItemField, value: unknown) => setItemField(doc, item.id, field, value);
  const title = readTitle(item.title, readerLanguages).text || t('untitled');
  return (
    <div className="item-editor stack">
      <div className="item-fields">
        <label className="field-inline">
          {t('kind.label')}
          <select value={item.kind} onChange={(e) => set('kind', e.target.value)}>
            {ITEM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          {t('start')}
          <input
            type="time"
            value={item.start ?? ''}
            onChange={(e) => {
              set('start', e.target.value || null);
              placeByTime(doc, item.id);
            }}
          />
        </label>
        <label className="field-inline">
          {t('end')}
          <input
            type="time"
            value={item.end ?? ''}
            onChange={(e) => set('end', e.target.value || null)}
          />
        </label>
      </div>
      {meta.languages.map((lang) => {
        const text = itemText(doc, item.id, 'title', lang);
        const language = languageName(lang, i18n.language);
        return (
          text && (
            <YTextField
              key={lang}
              text={text}
              lang={lang}
              dir={directionOf(lang)}
              label={t('titleIn', { language })}
              placeholder={t('titleIn', { language })}
              isEditable
            />
          )
        );
      })}
      <div className="toolbar" role="group" aria-label={t('move.label')}>
        {MOVES.map((move) => (
          <button
            key={move}
            type="button"
            className="secondary"
            disabled={!canMove(doc, meta, item, move)}
            onClick={() => {
              const place = makeMove(doc, meta, item, move);
              // The sheet stays open on the item, and focus on this button.
              if (place) announceMove(item.id, title, place, false);
            }}
          >
            {t(`move.${move}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
