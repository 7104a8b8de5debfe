import { sha256Hex } from '@tandem/shared/doc/canonical';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { type FoundSignature, inspectPdf } from '../../pdf/verify';
import { readBytes } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';

/** A signed agreement is a few hundred KiB; a file above this is refused with 413. */
export const MAX_PDF_BYTES = 8 * 1024 * 1024;

/**
 * `POST /api/verify`: anyone may check a signed agreement: are its signatures valid, does the
 * last one cover the whole file, does the attached text match its hash and Tandem's record?
 */
export function addVerifyRoutes(router: Router, { people, signings, trustedSeals }: ApiDeps): void {
  router.add('POST', '/api/verify', async ({ req, res }) => {
    const pdf = await readBytes(req, MAX_PDF_BYTES);
    if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
      throw new AppError(ErrorCode.NOT_A_PDF, 'This is not a PDF file.', {
        reason: notPdfKind(pdf),
      });
    }
    const { signatures, canonical, isUncheckable } = await inspectPdf(pdf, trustedSeals());
    const hash = canonical === null ? null : sha256Hex(canonical);
    const last = signatures.at(-1);
    const isGenuine =
      !isUncheckable && signatures.length > 0 && signatures.every((s) => s.isValid && s.isTrusted);
    // A file sealed by anyone else may carry a real attachment under rewritten pages: it
    // names no record and no parties.
    const record = hash && isGenuine ? await signings.signedByHash(hash) : null;
    const partnership = record ? await people.getPartnership(record.partnershipId) : null;
    sendJson(res, 200, {
      valid: isGenuine,
      /** 'none', 'trusted', 'unknown-certificate' (valid but not our seal) or 'invalid'. */
      seal: isUncheckable ? 'invalid' : sealVerdict(signatures),
      wholeDocumentSigned: last?.coversWholeFile === true,
      hashMatches: record !== null && record.canonical === canonical,
      hash,
      signedAt: record?.endedAt ?? null,
      sealedBy: last?.isTrusted ? last.signer : null,
      parties: record
        ? (await signings.signatures(record.id)).map((s) => ({
            side: s.side,
            school: partnership?.sides[s.side].name ?? '',
            name: s.name,
            title: s.title,
            at: s.at,
          }))
        : [],
    });
  });
}

/** What a file that is not a PDF looks like, so the person knows what they picked instead. */
function notPdfKind(file: Buffer): 'empty' | 'image' | 'zip' | 'text' | 'other' {
  if (file.length === 0) return 'empty';
  const starts = (hex: string) => file.subarray(0, hex.length / 2).equals(Buffer.from(hex, 'hex'));
  if (['89504e47', 'ffd8ff', '47494638', '52494646'].some(starts)) return 'image';
  if (starts('504b0304')) return 'zip';
  const head = file.subarray(0, 512).toString('utf8');
  return /^[\p{L}\p{N}\p{P}\p{Zs}\r\n\t]*$/u.test(head.replace(/\uFFFD$/, '')) ? 'text' : 'other';
}

function sealVerdict(signatures: readonly FoundSignature[]) {
  if (signatures.length === 0) return 'none';
  if (signatures.some((s) => !s.isValid)) return 'invalid';
  return signatures.every((s) => s.isTrusted) ? 'trusted' : 'unknown-certificate';
}
