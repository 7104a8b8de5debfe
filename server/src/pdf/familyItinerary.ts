import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { forExport, type Item, type LegMeta, legDates } from '@tandem/shared/doc/itinerary';
import { requireExportable } from '../ics/exportable';
import { translate } from '@tandem/shared/i18n/translate';
import { cityOf, plainDateUtc } from '@tandem/shared/time';
import { pageText as text } from './bidi';
import { languageName } from './bilingual';
import { pdfMaker } from './fonts';

export interface FamilyItineraryInput {
  meta: LegMeta;
  items: Item[];
  host: string;
  guests: string;
  /** The families' language: one of the leg's languages (the other is the fallback). */
  language: string;
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

/**
 * A text in the family's language, or in another one marked as such ("(only in Chinese)") so
 * that a family never takes a missing translation for the plan itself.
 */
function inFamilyLanguage(
  texts: Record<string, string>,
  meta: LegMeta,
  language: string,
): { text: string; note: string } {
  const own = texts[language]?.trim();
  if (own) return { text: own, note: '' };
  const other = meta.languages.find((lang) => texts[lang]?.trim());
  if (!other) return { text: '', note: '' };
  const note = translate(language, 'itinerary', 'pdf.onlyIn', {
    language: languageName(other, language),
  });
  return { text: texts[other]?.trim() ?? '', note };
}

function itemBlock(meta: LegMeta, item: Item, language: string): Content {
  const say = (key: string, values: Record<string, string> = {}) =>
    translate(language, 'itinerary', key, values);
  const when = item.start ? `${item.start}${item.end ? `–${item.end}` : ''}` : '';
  const title = inFamilyLanguage(item.title, meta, language);
  const notes = inFamilyLanguage(item.notes, meta, language);
  return {
    margin: [0, 0, 0, 6],
    stack: [
      text(`${when ? `${when}  ` : ''}${title.text || say('untitled')}`, { bold: true }),
      ...(title.note ? [text(title.note, { fontSize: 8 }, { color: '#475467' })] : []),
      ...(item.place
        ? [text(say('pdf.place', { place: item.place }), {}, { color: '#475467' })]
        : []),
      ...(notes.text
        ? [text(say('pdf.notes', { notes: notes.text }) + (notes.note ? ` ${notes.note}` : ''))]
        : []),
    ],
  };
}

/**
 * The printable programme for families (P17–P21): agreed items day by day in the family's
 * language (titles and notes missing in it come in the other language, marked), with the
 * meeting place and notes, times local to the host. Free days say so: unplanned time matters
 * (P20). Sensitive data has no field to print (P23).
 */
export function familyItineraryDefinition(input: FamilyItineraryInput): TDocumentDefinitions {
  const { meta, items, language } = input;
  const t = (key: string, values: Record<string, string | number> = {}) =>
    translate(language, 'itinerary', key, values);
  const agreed = items.filter((i) => i.status === 'agreed');
  const days: Content[] = legDates(meta).flatMap((date) => {
    const today = agreed.filter((i) => i.date === date);
    return [
      text(dayName(date, language), { fontSize: 12, bold: true }, { margin: [0, 10, 0, 4] }),
      ...(today.length === 0
        ? [text(t('pdf.free'), {}, { italics: true })]
        : today.map((i) => itemBlock(meta, i, language))),
    ];
  });
  return {
    info: { title: t('title', { host: input.host, guests: input.guests }) },
    language,
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
        { margin: [0, 0, 0, 4] },
      ),
      // The zone by its city, as families say it ("Shanghai"), not its code.
      text(t('pdf.zone', { zone: cityOf(meta.timeZone) }), {}, { color: '#475467' }),
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
