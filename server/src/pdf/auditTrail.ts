import type { Content } from 'pdfmake/interfaces';
import { translate } from '@tandem/shared/i18n/translate';
import { SIDES, type Side } from '@tandem/shared/people';
import type { School } from '@tandem/shared/peopleBodies';
import { wallDateTime } from '@tandem/shared/time';
import type { AuditEntry, Signature } from '../storage/SigningStore';
import { PAGE_TEXT_WIDTH, pageText as text } from './bidi';
import { joinedLabel } from './bilingual';

export interface AuditInput {
  audit: AuditEntry[];
  signatures: Signature[];
  sides: Record<Side, Pick<School, 'name' | 'timeZone'>>;
  /** Members' names by id, for who did what. */
  names: Record<string, string>;
}

const isSide = (value: unknown): value is Side => value === 'A' || value === 'B';
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

function dataOf(entry: AuditEntry): Record<string, unknown> {
  try {
    const data: unknown = JSON.parse(entry.data);
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The audit trail as people read it: each event's name in every language of the agreement, its
 * time on both schools' clocks, who did it, and for a signature the IP address and browser it
 * came from. The chain hash of each record stays, shortened, for whoever checks the chain.
 */
export function auditTable(input: AuditInput, languages: readonly string[]): Content {
  const label = (key: string) => joinedLabel(languages, (lang) => translate(lang, 'signing', key));
  const zones = [...new Set(SIDES.map((side) => input.sides[side].timeZone).filter(Boolean))];
  const widths = [120, 90, 110, PAGE_TEXT_WIDTH - 120 - 90 - 110 - 50];
  const cell = (value: string, column: number, bold = false) =>
    text(value, { width: widths[column] ?? 100, fontSize: 7, bold });
  const rows = input.audit.map((entry) => {
    const data = dataOf(entry);
    const side = isSide(data.side) ? data.side : null;
    const signature = side
      ? input.signatures.find((s) => s.side === side && s.hash === data.hash)
      : undefined;
    const when = zones.map((zone) => `${wallDateTime(entry.at, zone)} ${zone}`).join('\n');
    const who = [
      entry.actor ? (input.names[entry.actor] ?? '') : '',
      side ? `${textOf(data.name)}, ${textOf(data.title)} · ${input.sides[side].name}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    const device = signature ? `${signature.ip}\n${signature.userAgent}` : '';
    return [
      cell(when, 0),
      cell(label(`pdf.events.${entry.action}`), 1),
      cell(who, 2),
      cell(`${device}${device ? '\n' : ''}${entry.hash.slice(0, 16)}…`, 3),
    ];
  });
  return {
    table: {
      headerRows: 1,
      widths,
      body: [
        [
          cell(label('pdf.when'), 0, true),
          cell(label('pdf.action'), 1, true),
          cell(label('pdf.who'), 2, true),
          cell(`${label('pdf.device')} · ${label('pdf.record')}`, 3, true),
        ],
        ...rows,
      ],
    },
  };
}
