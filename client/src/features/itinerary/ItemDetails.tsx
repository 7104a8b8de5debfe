import { useTranslation } from 'react-i18next';
import {
  type Item,
  itemText,
  PAYERS,
  setChaperones,
  setItemField,
} from '@tandem/shared/doc/itinerary';
import { directionOf } from '@tandem/shared/i18n/index';
import { YTextField } from '../../collab/YTextField';
import { languageName } from '../../i18n/languageName';
import { useLegScope } from './LegContext';

/** The host side's details of an item: notes in both languages, place, learning goal (P22), chaperones (P18) and cost. */
export function ItemDetails({ item }: { item: Item }) {
  const { t, i18n } = useTranslation(['itinerary', 'people']);
  const { doc, meta, canEdit, partnership } = useLegScope();
  // Adults who chaperone group events: staff and host parents of both schools (P18, P23).
  const adults = partnership.members.filter((m) => m.role !== 'viewer');
  const cost = item.cost ?? { amount: 0, currency: '', paidBy: 'shared' as const };
  const setCost = (patch: Partial<typeof cost>) => {
    const next = { ...cost, ...patch };
    setItemField(doc, item.id, 'cost', next.currency || next.amount ? next : null);
  };
  return (
    <section className="item-details stack" aria-label={t('details')}>
      {meta.languages.map((lang) => {
        const notes = itemText(doc, item.id, 'notes', lang);
        const language = languageName(lang, i18n.language);
        return (
          notes && (
            <YTextField
              key={lang}
              text={notes}
              lang={lang}
              dir={directionOf(lang)}
              label={t('notesIn', { language })}
              placeholder={t('notesIn', { language })}
              isEditable={canEdit}
              isMultiline
            />
          )
        );
      })}
      <label className="field-inline">
        {t('place')}
        <input
          dir="auto"
          value={item.place}
          readOnly={!canEdit}
          onChange={(e) => setItemField(doc, item.id, 'place', e.target.value)}
        />
      </label>
      <label className="field-inline">
        {t('learningGoal')}
        <input
          dir="auto"
          value={item.learningGoal}
          readOnly={!canEdit}
          onChange={(e) => setItemField(doc, item.id, 'learningGoal', e.target.value)}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={item.guestsShare}
          disabled={!canEdit}
          onChange={(e) => setItemField(doc, item.id, 'guestsShare', e.target.checked)}
        />
        {t('guestsShare')}
      </label>
      <fieldset className="chaperones">
        <legend>{t('chaperones')}</legend>
        {adults.map((m) => (
          <label key={m.id}>
            <input
              type="checkbox"
              checked={item.chaperones.includes(m.id)}
              disabled={!canEdit}
              onChange={(e) =>
                setChaperones(
                  doc,
                  item.id,
                  e.target.checked
                    ? [...item.chaperones, m.id]
                    : item.chaperones.filter((c) => c !== m.id),
                )
              }
            />
            {t('chaperone', { name: m.name, role: t(`people:role.${m.role}`) })}
          </label>
        ))}
      </fieldset>
      <fieldset className="cost">
        <legend>{t('cost.label')}</legend>
        <input
          type="number"
          min={0}
          step="any"
          aria-label={t('cost.amount')}
          value={cost.amount || ''}
          readOnly={!canEdit}
          onChange={(e) => setCost({ amount: Math.max(0, Number(e.target.value) || 0) })}
        />
        <input
          dir="auto"
          aria-label={t('cost.currency')}
          maxLength={3}
          value={cost.currency}
          readOnly={!canEdit}
          onChange={(e) => setCost({ currency: e.target.value.toUpperCase() })}
        />
        <select
          aria-label={t('cost.paidBy')}
          value={cost.paidBy}
          disabled={!canEdit}
          onChange={(e) =>
            setCost({ paidBy: PAYERS.find((p) => p === e.target.value) ?? 'shared' })
          }
        >
          {PAYERS.map((payer) => (
            <option key={payer} value={payer}>
              {t(`cost.payers.${payer}`)}
            </option>
          ))}
        </select>
      </fieldset>
    </section>
  );
}
