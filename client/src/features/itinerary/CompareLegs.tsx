import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { PartnershipView } from '@tandem/shared/api';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { itineraryTypes, readItems, readMeta } from '@tandem/shared/doc/itinerary';
import { type LegSummary, legSummary } from '@tandem/shared/doc/legSummary';
import { SIDES, type Side } from '@tandem/shared/people';
import { paths } from '../../platform/route';
import { usePartnership } from '../../platform/usePartnership';
import { useDocValue } from '../../collab/useDocValue';
import { useRoom } from '../../collab/useRoom';
import { ErrorMessage } from '../../platform/ErrorMessage';
import './itinerary.css';

/** The two legs side by side: are they comparable in length, events, free time and cost? */
export function CompareLegs({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation('people');
  const { partnership, error } = usePartnership(partnershipId);
  const legA = useRoom(formatRoomName({ partnershipId, document: 'itinerary.A' }));
  const legB = useRoom(formatRoomName({ partnershipId, document: 'itinerary.B' }));
  if (error) return <ErrorMessage error={error} />;
  if (!partnership || !legA || !legB) return <p>{t('loading')}</p>;
  return <Comparison partnership={partnership} docs={{ A: legA.doc, B: legB.doc }} />;
}

function useSummary(doc: Y.Doc): LegSummary | null {
  const types = useMemo(() => itineraryTypes(doc), [doc]);
  return useDocValue(types, () => {
    const meta = readMeta(doc);
    return meta ? legSummary(meta, readItems(doc)) : null;
  });
}

function Comparison({
  partnership,
  docs,
}: {
  partnership: PartnershipView;
  docs: Record<Side, Y.Doc>;
}) {
  const { t, i18n } = useTranslation('itinerary');
  const summaries = { A: useSummary(docs.A), B: useSummary(docs.B) };
  const number = (n: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(n);
  const money = (cost: Record<string, number>) =>
    Object.entries(cost)
      .map(([currency, amount]) => {
        try {
          return new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(
            amount,
          );
        } catch {
          return `${number(amount)} ${currency}`;
        }
      })
      .join(' + ') || number(0);
  const rows: { key: string; value: (s: LegSummary) => string }[] = [
    { key: 'days', value: (s) => number(s.days) },
    { key: 'groupEvents', value: (s) => number(s.groupEvents) },
    {
      key: 'freeHours',
      value: (s) => t('compare.freeValue', { hours: number(s.freeHours), count: s.freeItems }),
    },
    ...SIDES.map((side) => ({
      key: `proposedBy${side}`,
      value: (s: LegSummary) => number(s.proposedBy[side]),
    })),
    { key: 'familyCost', value: (s) => money(s.familyCost) },
  ];
  return (
    <section className="compare-legs">
      <p>
        <a href={paths.partnership(partnership.id)}>{t('back')}</a>
      </p>
      <h1>{t('compare.title')}</h1>
      <table>
        <thead>
          <tr>
            <td />
            {SIDES.map((side) => (
              <th key={side} scope="col">
                <a href={paths.itinerary(partnership.id, side)}>
                  {t('compare.hosts', { school: partnership.sides[side].name })}
                </a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {t(`compare.${row.key}`, {
                  school:
                    row.key === 'proposedByA' ? partnership.sides.A.name : partnership.sides.B.name,
                })}
              </th>
              {SIDES.map((side) => {
                const summary = summaries[side];
                return <td key={side}>{summary ? row.value(summary) : ''}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
