import { P12Signer, PDF } from '@libpdf/core';
import type { Content, Margins, TDocumentDefinitions } from 'pdfmake/interfaces';
import { type Block, layoutAgreement } from '@tandem/shared/doc/agreementLayout';
import { AGREEMENT_FORMAT, type AgreementModel } from '@tandem/shared/doc/agreementModel';
import { directionOf } from '@tandem/shared/i18n/index';
import { translate } from '@tandem/shared/i18n/translate';
import { wallDateTime } from '@tandem/shared/time';
import type { Side } from '@tandem/shared/people';
import type { School } from '@tandem/shared/peopleBodies';
import type { AuditEntry, Signature } from '../storage/SigningStore';
import { PAGE_TEXT_WIDTH, pageText as text } from './bidi';
import { joinedLabel, languageName, paragraphsInEachLanguage } from './bilingual';
import { auditTable } from './auditTrail';
import { typedSignature } from './signatureFont';
import { pdfMaker } from './fonts';
import type { Seal } from './seal';
import { CANONICAL_ATTACHMENT } from './attachment';

export { CANONICAL_ATTACHMENT } from './attachment';

/**
 * The signed model from its canonical JSON. Format 1 (clause texts only) lacks the schools and
 * the structured answers: they are taken as absent, so an agreement signed then renders as it was.
 */
function modelOf(input: SignedAgreementInput): AgreementModel {
  const parsed = JSON.parse(input.canonical) as Partial<AgreementModel>;
  const school = (side: Side) => ({ name: input.sides[side].name, timeZone: '', language: '' });
  return {
    format: AGREEMENT_FORMAT,
    languages: parsed.languages ?? [],
    prevailing: parsed.prevailing ?? 'equal',
    title: parsed.title ?? {},
    schools: parsed.schools ?? { A: school('A'), B: school('B') },
    clauses: parsed.clauses ?? [],
    meeting: parsed.meeting ?? null,
  };
}

/** One block of the shared layout (agreementLayout.ts) as pdfmake content. */
function blockContent(block: Block): Content {
  switch (block.kind) {
    case 'heading': {
      const direction = directionOf(block.lang);
      const alignment = direction === 'rtl' ? 'right' : 'left';
      return text(block.text, { bold: true, direction, alignment }, { margin: [0, 8, 0, 2] });
    }
    case 'text': {
      const direction = directionOf(block.lang);
      const alignment = direction === 'rtl' ? 'right' : 'left';
      return text(block.paragraphs.join('\n'), { direction, alignment });
    }
    case 'label':
      return text(block.text, { bold: true, fontSize: 9 }, { margin: [0, 6, 0, 2] });
    case 'items':
      return {
        stack: [
          text(block.label, { bold: true, fontSize: 9 }, { margin: [0, 6, 0, 2] }),
          ...(block.items.length === 0 ? [text(block.empty, { fontSize: 9 })] : []),
          ...block.items.map((item) =>
            text(`• ${item.map((w) => w.text).join(' / ')}`, {
              fontSize: 9,
              direction: directionOf(item[0]?.lang ?? 'en'),
            }),
          ),
        ],
      };
    case 'table': {
      const columns = block.rows[0]?.length ?? 1;
      const width = PAGE_TEXT_WIDTH / columns - 10;
      return {
        margin: [0, 2, 0, 4],
        table: {
          headerRows: 1,
          widths: Array.from({ length: columns }, () => width),
          body: block.rows.map((row, r) =>
            row.map((cell) => text(cell, { width, fontSize: 8, bold: r === 0 })),
          ),
        },
      };
    }
  }
}

export interface SignedAgreementInput {
  canonical: string;
  hash: string;
  sides: Record<Side, Pick<School, 'name' | 'timeZone'>>;
  signatures: Signature[];
  audit: AuditEntry[];
  /** Members' names by id, for the audit trail. */
  names: Record<string, string>;
  signedAt: number;
}

/** An instant on both schools' clocks, each with its zone. */
function onBothClocks(at: number, sides: SignedAgreementInput['sides']): string {
  const zones = [...new Set([sides.A.timeZone, sides.B.timeZone].filter(Boolean))];
  return (zones.length > 0 ? zones : ['UTC'])
    .map((zone) => `${wallDateTime(at, zone)} ${zone}`)
    .join(' · ');
}

function definition(input: SignedAgreementInput): TDocumentDefinitions {
  const doc = modelOf(input);
  const { languages } = doc;
  const say = (lang: string, key: string, values: Record<string, string | number> = {}) =>
    translate(lang, 'signing', key, values);
  const label = (key: string) => joinedLabel(languages, (lang) => say(lang, key));
  const title = joinedLabel(languages, (lang) => doc.title[lang] ?? '');
  const prevailing = paragraphsInEachLanguage(
    languages,
    (lang) =>
      doc.prevailing === 'equal'
        ? say(lang, 'pdf.equal')
        : say(lang, 'pdf.prevails', { language: languageName(doc.prevailing, lang) }),
    { italics: true },
  );
  const clauses: Content[] = layoutAgreement(doc).map((clause) => ({
    stack: clause.blocks.map(blockContent),
  }));
  const signatureBlocks: Content[] = input.signatures.map((s) => ({
    margin: [0, 12, 0, 0],
    stack: [
      text(input.sides[s.side].name, { bold: true }),
      s.image ? { image: s.image, fit: [200, 70] } : typedSignature(s.typed ?? ''),
      text(`${s.name}, ${s.title}`),
      { text: onBothClocks(s.at, input.sides), color: '#475467' },
    ],
  }));
  const audit = auditTable(input, languages);
  const heading = (key: string, margin: Margins): Content =>
    text(label(key), { fontSize: 14, bold: true }, { margin, pageBreak: 'before' });
  return {
    info: { title },
    defaultStyle: { font: 'Noto', fontSize: 10, lineHeight: 1.25 },
    pageMargins: [40, 40, 40, 56],
    footer: (page, pages) => ({
      margin: [40, 10, 40, 0],
      fontSize: 7,
      color: '#475467',
      text: `SHA-256 ${input.hash} · ${page}/${pages}`,
    }),
    content: [
      text(title, { fontSize: 18, bold: true }),
      text(`${input.sides.A.name} · ${input.sides.B.name}`, {}, { margin: [0, 4, 0, 4] }),
      ...prevailing,
      { text: '', margin: [0, 0, 0, 8] },
      ...clauses,
      heading('pdf.signatures', [0, 20, 0, 0]),
      ...signatureBlocks,
      heading('pdf.certificate', [0, 20, 0, 4]),
      ...paragraphsInEachLanguage(
        languages,
        (lang) => say(lang, 'pdf.certificateText', { hash: input.hash }),
        {
          margin: [0, 0, 0, 4],
        },
      ),
      text(label('pdf.audit'), { bold: true }, { margin: [0, 12, 0, 4] }),
      audit,
    ],
  };
}

/**
 * The signed agreement: both language versions, signatures, a bilingual certificate and the
 * audit trail, the canonical JSON attached, and the platform's PAdES seal over the whole file.
 */
export async function signedAgreementPdf(
  input: SignedAgreementInput,
  seal: Seal,
): Promise<Uint8Array> {
  const rendered = await pdfMaker().createPdf(definition(input)).getBuffer();
  const pdf = await PDF.load(new Uint8Array(rendered));
  pdf.attachments.add(CANONICAL_ATTACHMENT, new TextEncoder().encode(input.canonical), {
    mimeType: 'application/json',
    description: `SHA-256 ${input.hash}`,
  });
  const attached = await PDF.load(await pdf.save());
  const signer = await P12Signer.create(seal.p12, seal.password);
  const signed = await attached.sign({
    signer,
    reason: `Agreement ${input.hash}`,
    signingTime: new Date(input.signedAt),
  });
  return signed.bytes;
}
