import { P12Signer, PDF } from '@libpdf/core';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { translate } from '@tandem/shared/i18n/translate';
import type { School, Side } from '@tandem/shared/people';
import type { AuditEntry, Signature } from '../persistence/SigningStore';
import { inEachLanguage } from './bilingual';
import { pdfMaker, scriptStyle } from './fonts';
import type { Seal } from './seal';

/** The name of the canonical JSON attached to the signed PDF. */
export const CANONICAL_ATTACHMENT = 'agreement.json';

interface Canonical {
  languages: string[];
  prevailing: string;
  title: Record<string, string>;
  clauses: { id: string; title: Record<string, string>; text: Record<string, string> }[];
}

export interface SignedAgreementInput {
  canonical: string;
  hash: string;
  sides: Record<Side, Pick<School, 'name'>>;
  signatures: Signature[];
  audit: AuditEntry[];
  signedAt: number;
}

function definition(input: SignedAgreementInput): TDocumentDefinitions {
  const doc = JSON.parse(input.canonical) as Canonical;
  const { languages } = doc;
  const t = (key: string, values: Record<string, string | number> = {}) =>
    inEachLanguage(languages, (lang) => translate(lang, 'signing', key, values));
  const prevailing =
    doc.prevailing === 'equal'
      ? t('pdf.equal')
      : t('pdf.prevails', {
          language:
            new Intl.DisplayNames(['en'], { type: 'language' }).of(doc.prevailing) ??
            doc.prevailing,
        });
  const clauses: Content[] = doc.clauses.flatMap((clause, i) =>
    languages.map((lang) => ({
      ...scriptStyle(lang),
      stack: [
        { text: `${i + 1}. ${clause.title[lang] ?? ''}`, bold: true, margin: [0, 8, 0, 2] },
        { text: clause.text[lang] ?? '' },
      ],
    })),
  );
  const signatureBlocks: Content[] = input.signatures.map((s) => ({
    margin: [0, 12, 0, 0],
    stack: [
      { text: input.sides[s.side].name, bold: true },
      s.image
        ? { image: s.image, fit: [200, 70] }
        : { text: s.typed ?? '', fontSize: 20, italics: true },
      { text: `${s.name}, ${s.title}` },
      {
        text: new Date(s.at).toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
        color: '#475467',
      },
    ],
  }));
  const audit: Content = {
    table: {
      headerRows: 1,
      widths: ['auto', 'auto', '*'],
      body: [
        [t('pdf.when'), t('pdf.action'), t('pdf.record')],
        ...input.audit.map((e) => [
          new Date(e.at).toISOString().replace('T', ' ').slice(0, 19),
          e.action,
          { text: `${e.data}\n${e.hash}`, fontSize: 6 },
        ]),
      ],
    },
    fontSize: 8,
  };
  return {
    info: { title: languages.map((l) => doc.title[l]).join(' / ') },
    defaultStyle: { font: 'Noto', fontSize: 10, lineHeight: 1.25 },
    pageMargins: [40, 40, 40, 56],
    footer: (page, pages) => ({
      margin: [40, 10, 40, 0],
      fontSize: 7,
      color: '#475467',
      text: `SHA-256 ${input.hash} · ${page}/${pages}`,
    }),
    content: [
      { text: languages.map((l) => doc.title[l]).join(' / '), fontSize: 18, bold: true },
      { text: `${input.sides.A.name} · ${input.sides.B.name}`, margin: [0, 4, 0, 4] },
      { text: prevailing, italics: true, margin: [0, 0, 0, 8] },
      ...clauses,
      {
        text: t('pdf.signatures'),
        fontSize: 14,
        bold: true,
        margin: [0, 20, 0, 0],
        pageBreak: 'before',
      },
      ...signatureBlocks,
      {
        text: t('pdf.certificate'),
        fontSize: 14,
        bold: true,
        margin: [0, 20, 0, 4],
        pageBreak: 'before',
      },
      { text: t('pdf.certificateText', { hash: input.hash }) },
      { text: t('pdf.audit'), bold: true, margin: [0, 12, 0, 4] },
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
