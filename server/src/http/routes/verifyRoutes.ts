import { sha256Hex } from '@tandem/shared/doc/canonical';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { inspectPdf } from '../../pdf/verify';
import { readBytes } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';

const MAX_PDF_BYTES = 20 * 1024 * 1024;

/**
 * `POST /api/verify`: anyone may check a signed agreement: are its signatures valid, does the
 * last one cover the whole file, does the attached text match its hash and Tandem's record?
 */
export function addVerifyRoutes(router: Router, { people, signings }: ApiDeps): void {
  router.add('POST', '/api/verify', async ({ req, res }) => {
    const pdf = await readBytes(req, MAX_PDF_BYTES);
    if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'This is not a PDF file.');
    }
    const { signatures, canonical } = await inspectPdf(pdf);
    const hash = canonical === null ? null : sha256Hex(canonical);
    const record = hash ? signings.signedByHash(hash) : null;
    const partnership = record ? await people.getPartnership(record.partnershipId) : null;
    const last = signatures.at(-1);
    sendJson(res, 200, {
      valid: signatures.length > 0 && signatures.every((s) => s.isValid),
      wholeDocumentSigned: last?.coversWholeFile === true,
      hashMatches: record !== null && record.canonical === canonical,
      hash,
      signedAt: record?.endedAt ?? null,
      sealedBy: last?.signer ?? null,
      parties: record
        ? signings.signatures(record.id).map((s) => ({
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
