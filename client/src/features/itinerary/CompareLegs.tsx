import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { PartnershipView } from '@tandem/shared/api';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { itineraryTypes, readItems, readMeta } from '@tandem/shared/doc/itinerary';
import {
  type DaySummary,
  type LegSummary,
  daySummaries,
  legSummary,
} from '@tandem/shared/doc/legSummary';
import { SIDES, type Side } from '@tandem/shared/people';
import { legsRule } from '@tandem/shared/reciprocity/legs';
import { paths } from '../../platform/route';
import { usePartnership } from '../../platform/usePartnership';
import { useDocValue } from '../../collab/useDocValue';
import { useRoom } from '../../collab/useRoom';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { dayLabel } from './DayTimeline';
import { readTitle } from './itemTitle';
import './itinerary.css';

/** The two legs side by side, day 1 against day 1, with the differences R-legs counts marked. */
export function CompareLegs({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation('people');
  const { partnership, error } = usePartnership(partnershipId);
  const legA = useRoom(formatRoomName({ partnershipId, document: 'itinerary.A' }));
  const legB = useRoom(formatRoomName({ partnershipId, document: 'itinerary.B' }));
  if (error) return <ErrorMessage error={error} />;
  if (!partnership || !legA || !legB) return <p>{t('loading')}</p>;
  return <Comparison partnership={partnership} docs={{ A: legA.doc, B: legB.doc }} />;
}

interface Leg {
  summary: LegSummary;
  days: DaySummary[];
}

function useLeg(doc: Y.Doc): Leg | null {
  const types = useMemo(() => itineraryTypes(doc), [doc]);
  return useDocValue(types, () => {
    const meta = readMeta(doc);
    if (!meta) return null;
    const items = readItems(doc);
    return { summary: legSummary(meta, items), days: daySummaries(meta, items) };
  });
}

function Comparison(props: { partnership: PartnershipView; docs: Record<Side, Y.Doc> }) {
  const { partnership, docs } = props;
  const { t, i18n } = useTranslation('itinerary');
  const legs = { A: useLeg(docs.A), B: useLeg(docs.B) };
  // What R-legs counts as a difference, from the same rule the prompts run.
  const differs = new Set(
    legsRule({
      agreement: null,
      status: null,
      legs: docs,
      sides: partnership.sides,
      members: [],
      authorship: null,
      now: 0,
    }).map((p) => p.key.split(':').slice(2).join(':')),
  );
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
  const readers = [i18n.language, partnership.sides[partnership.you.side].language];
  const dayCount = Math.max(legs.A?.days.length ?? 0, legs.B?.days.length ?? 0);
  const totals: { key: string; isDifferent: boolean; value: (s: LegSummary) => string }[] = [
    { key: 'days', isDifferent: differs.has('days'), value: (s) => number(s.days) },
    {
      key: 'groupEvents',
      isDifferent: differs.has('events'),
      value: (s) => number(s.groupEvents),
    },
    {
      key: 'freeHours',
      isDifferent: false,
      value: (s) => t('compare.freeValue', { hours: number(s.freeHours), count: s.freeItems }),
    },
    {
      key: 'familyCost',
      isDifferent: [...differs].some((d) => d.startsWith('cost')),
      value: (s) => money(s.familyCost),
    },
  ];
  const heads = (
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
  );
  return (
    <section className="compare-legs">
      <p>
        <a href={paths.partnership(partnership.id)}>{t('back')}</a>
      </p>
      <h1>{t('compare.title')}</h1>
      <table className="compare-days">
        <caption>{t('compare.byDay')}</caption>
        <thead>{heads}</thead>
        <tbody>
          {Array.from({ length: dayCount }, (_, index) => {
            const days = SIDES.map((side) => legs[side]?.days[index]);
            const isDifferent =
              (days[0]?.groupEvents.length ?? 0) !== (days[1]?.groupEvents.length ?? 0);
            return (
              <tr key={index} className={isDifferent ? 'differs' : undefined}>
                <th scope="row">
                  {t('compare.day', { number: index + 1 })}
                  {isDifferent && <span className="badge badge-warn">{t('compare.differs')}</span>}
                </th>
                {days.map((day, i) => (
                  <td key={SIDES[i]}>
                    {day && <DayCell day={day} readers={readers} money={money} />}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="compare-totals">
        <caption>{t('compare.totals')}</caption>
        <thead>{heads}</thead>
        <tbody>
          {totals.map((row) => (
            <tr key={row.key} className={row.isDifferent ? 'differs' : undefined}>
              <th scope="row">
                {t(`compare.${row.key}`)}
                {row.isDifferent && (
                  <span className="badge badge-warn">{t('compare.differs')}</span>
                )}
              </th>
              {SIDES.map((side) => {
                const summary = legs[side]?.summary;
                return <td key={side}>{summary ? row.value(summary) : ''}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DayCell(props: {
  day: DaySummary;
  readers: readonly string[];
  money: (cost: Record<string, number>) => string;
}) {
  const { t, i18n } = useTranslation('itinerary');
  const { day, readers, money } = props;
  return (
    <div className="day-cell">
      <small className="hint">{dayLabel(day.date, i18n.language)}</small>
      {day.groupEvents.length === 0 ? (
        <p className="hint">{t('compare.noEvents')}</p>
      ) : (
        <ul>
          {day.groupEvents.map((item) => {
            const title = readTitle(item.title, readers);
            return (
              <li key={item.id} lang={title.lang} dir="auto">
                {item.start && <span className="item-time">{item.start} </span>}
                {title.text || t('untitled')}
              </li>
            );
          })}
        </ul>
      )}
      <p className="hint">
        {t('compare.freeValue', { hours: day.freeHours, count: day.freeItems })}
        {Object.keys(day.familyCost).length > 0 && ` · ${money(day.familyCost)}`}
      </p>
    </div>
  );
}
