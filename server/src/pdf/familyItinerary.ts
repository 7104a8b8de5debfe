import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { forExport, type Item, type LegMeta, legDates } from '@tandem/shared/doc/itinerary';
import { requireExportable } from '../ics/exportable';
import { translate } from '@tandem/shared/i18n/translate';
import { plainDateUtc } from '@tandem/shared/time';
import { pageText as text } from './bidi';
import { joinedLabel, paragraphsInEachLanguage } from './bilingual';
import { pdfMaker } from './fonts';

export interface FamilyItineraryInput {
  meta: LegMeta;
  items: Item[];
  host: string;
  guests: string;
}

function dayName(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(plainDateUtc(date));
}

function both(meta: LegMeta, pick: (lang: string) => string): string {
  return joinedLabel(meta.languages, pick);
}

function itemBlock(meta: LegMeta, item: Item): Content {
  const when = item.start ? `${item.start}${item.end ? `–${item.end}` : ''}` : '';
  return {
    margin: [0, 0, 0, 6],
    stack: [
      text(`${when ? `${when}  ` : ''}${both(meta, (l) => item.title[l] ?? '')}`, {
        bold: true,
      }),
      ...(item.place ? [text(item.place, {}, { color: '#475467' })] : []),
      ...paragraphsInEachLanguage(meta.languages, (lang) => item.notes[lang]?.trim() ?? ''),
    ],
  };
}

/**
 * The printable programme for families (P17–P21): agreed items day by day, in both
 * languages, with times local to the host. Free days say so: unplanned time matters (P20).
 */
export function familyItineraryDefinition(input: FamilyItineraryInput): TDocumentDefinitions {
  const { meta, items } = input;
  const t = (key: string, values: Record<string, string | number> = {}) =>
    both(meta, (lang) => translate(lang, 'itinerary', key, values));
  const agreed = items.filter((i) => i.status === 'agreed');
  const days: Content[] = legDates(meta).flatMap((date) => {
    const today = agreed.filter((i) => i.date === date);
    return [
      text(
        both(meta, (lang) => dayName(date, lang)),
        { fontSize: 12, bold: true },
        {
          margin: [0, 10, 0, 4],
        },
      ),
      ...(today.length === 0
        ? [text(t('pdf.free'), {}, { italics: true })]
        : today.map((i) => itemBlock(meta, i))),
    ];
  });
  return {
    info: { title: t('title', { host: input.host, guests: input.guests }) },
    defaultStyle: { font: 'Noto', fontSize: 10, lineHeight: 1.2 },
    pageMargins: [40, 40, 40, 50],
    footer: (page, pages) => ({
      text: `${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#667085',
    }),
    content: [
      text(
        t('title', { host: input.host, guests: input.guests }),
        { fontSize: 16, bold: true },
        {
          margin: [0, 0, 0, 4],
        },
      ),
      text(t('pdf.zone', { zone: meta.timeZone }), {}, { color: '#475467' }),
      ...days,
    ],
  };
}

/** The family PDF as bytes; its texts cut to what an export prints (forExport). */
export function familyItineraryPdf(input: FamilyItineraryInput): Promise<Buffer> {
  requireExportable(input.meta);
  const limited = { ...input, items: input.items.map(forExport) };
  return pdfMaker().createPdf(familyItineraryDefinition(limited)).getBuffer();
}
