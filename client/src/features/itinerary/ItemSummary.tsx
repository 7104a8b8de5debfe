import { useTranslation } from 'react-i18next';
import type { Item } from '@tandem/shared/doc/itinerary';
import { useLegScope } from './LegContext';
import { readTitle } from './itemTitle';

/** What the visiting side reads of an item: a programme entry, nothing greyed out. */
export function ItemSummary({ item }: { item: Item }) {
  const { t } = useTranslation(['itinerary', 'people']);
  const { partnership, readerLanguages } = useLegScope();
  const notes = readTitle(item.notes, readerLanguages);
  const title = readTitle(item.title, readerLanguages);
  const chaperones = item.chaperones
    .map((id) => partnership.members.find((m) => m.id === id))
    .filter((m) => m !== undefined);
  const rows: [string, string, string?][] = [
    [t('kind.label'), t(`kind.${item.kind}`)],
    [t('when'), item.start ? (item.end ? `${item.start}–${item.end}` : item.start) : t('anyTime')],
    ...(title.other
      ? [[t('otherTitle'), title.other.text, title.other.lang] as [string, string, string]]
      : []),
    ...(item.place ? [[t('place'), item.place] as [string, string]] : []),
    ...(notes.text ? [[t('notes'), notes.text, notes.lang] as [string, string, string]] : []),
    ...(item.learningGoal ? [[t('learningGoal'), item.learningGoal] as [string, string]] : []),
    ...(chaperones.length > 0
      ? [
          [
            t('chaperones'),
            chaperones
              .map((m) => t('chaperone', { name: m.name, role: t(`people:role.${m.role}`) }))
              .join(', '),
          ] as [string, string],
        ]
      : []),
  ];
  return (
    <dl className="item-summary">
      {rows.map(([term, value, lang]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd lang={lang} dir="auto">
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
