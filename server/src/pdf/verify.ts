import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { PDF } from '@libpdf/core';
import forge from 'node-forge';
import { WorkerPool, WorkerTaskError } from '../offload/WorkerPool';
import { CANONICAL_ATTACHMENT } from './attachment';

const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';

/** One signature found in a PDF. */
export interface FoundSignature {
  isValid: boolean;
  /** The byte range ends at the end of the file: nothing was added after signing. */
  coversWholeFile: boolean;
  /** The sealing certificate is this server's seal or one the operator trusts. */
  isTrusted: boolean;
  signedAt: string | null;
  signer: string | null;
}

interface SignatureField {
  range: [number, number, number, number];
  contents: Buffer;
}

/**
 * The most signatures a PDF may carry to be checked: Tandem's seal is one; a file with more than
 * this is reported invalid rather than hashed once per signature.
 */
export const MAX_SIGNATURES = 8;

/** The largest /Contents a signature may have (a PKCS#7 with a certificate chain is ~8 KiB). */
const MAX_CONTENTS_HEX = 64 * 1024;

/**
 * Signature dictionaries: their /ByteRange and the /Contents hex string it leaves out. A range
 * counts only when it is two ranges inside the file around a hex string: from byte 0 to the
 * string, and from after it to at most the end. Null when the file has more than
 * MAX_SIGNATURES of them.
 */
function signatureFields(pdf: Buffer): SignatureField[] | null {
  const text = pdf.toString('latin1');
  const fields: SignatureField[] = [];
  let seen = 0;
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    if (++seen > MAX_SIGNATURES) return null;
    const range = match.slice(1, 5).map(Number) as [number, number, number, number];
    const [start, gapStart, gapEnd, tail] = range;
    const isInside =
      start === 0 && gapStart > 0 && gapEnd > gapStart && gapEnd + tail <= pdf.length;
    if (!isInside || gapEnd - gapStart > MAX_CONTENTS_HEX + 2) {
      fields.push({ range, contents: Buffer.alloc(0) });
      continue;
    }
    const hex = text.slice(gapStart, gapEnd).replace(/^<|>$/g, '');
    if (!/^[0-9A-Fa-f]*$/.test(hex)) continue;
    fields.push({ range, contents: Buffer.from(hex, 'hex') });
  }
  return fields;
}

/** SHA-256 of a certificate's DER encoding, hex: how trusted seal certificates are named. */
export function certificateFingerprint(certificate: forge.pki.Certificate): string {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  return crypto.createHash('sha256').update(der, 'binary').digest('hex');
}

function checkSignature(
  pdf: Buffer,
  field: SignatureField,
  trusted: ReadonlySet<string>,
): FoundSignature {
  const [a, b, c, d] = field.range;
  const coversWholeFile = a === 0 && c + d === pdf.length;
  const failed = {
    isValid: false,
    coversWholeFile,
    isTrusted: false,
    signedAt: null,
    signer: null,
  };
  if (c + d > pdf.length || a + b > c) return failed;
  try {
    const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    // The hex placeholder is padded with zeros after the DER value: parse only the value.
    const options = { parseAllBytes: false } as unknown as boolean;
    const asn1 = forge.asn1.fromDer(
      forge.util.createBuffer(field.contents.toString('binary')),
      options,
    );
    const message = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & {
      rawCapture: { signerInfos: forge.asn1.Asn1[] };
    };
    const certificate = message.certificates[0];
    const signerInfo = message.rawCapture.signerInfos[0];
    if (!certificate || !signerInfo || !Array.isArray(signerInfo.value)) return failed;
    const parts = signerInfo.value;
    const attrs = parts.find(
      (p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && Number(p.type) === 0,
    );
    const signatureValue = parts.find(
      (p) => p.type === forge.asn1.Type.OCTETSTRING && !p.constructed,
    );
    if (!attrs || !signatureValue || !Array.isArray(attrs.value)) return failed;
    let digest: string | null = null;
    let signedAt: string | null = null;
    for (const attr of attrs.value) {
      const [oid, values] = attr.value as forge.asn1.Asn1[];
      const first = (values?.value as forge.asn1.Asn1[] | undefined)?.[0];
      const oidText = oid ? forge.asn1.derToOid(oid.value as string) : '';
      if (oidText === OID_MESSAGE_DIGEST && first) digest = first.value as string;
      if (oidText === OID_SIGNING_TIME && first) {
        signedAt = forge.asn1.utcTimeToDate(first.value as string).toISOString();
      }
    }
    const expected = crypto.createHash('sha256').update(signed).digest('binary');
    // The signature covers the signed attributes, DER-encoded as a SET (RFC 5652 5.4).
    const set = forge.asn1.create(
      forge.asn1.Class.UNIVERSAL,
      forge.asn1.Type.SET,
      true,
      attrs.value,
    );
    const toVerify = Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary');
    const publicKey = forge.pki.publicKeyToPem(certificate.publicKey);
    const isSignatureValid = crypto.verify(
      'sha256',
      toVerify,
      publicKey,
      Buffer.from(signatureValue.value as string, 'binary'),
    );
    const signer = certificate.subject.getField('CN') as { value: string } | null;
    return {
      isValid: isSignatureValid && digest === expected,
      coversWholeFile,
      // A signature is checked against the certificate the file itself carries, so anyone can
      // make one that is valid; only a certificate this server trusts makes it genuine.
      isTrusted: trusted.has(certificateFingerprint(certificate)),
      signedAt,
      signer: signer?.value ?? null,
    };
  } catch {
    return failed;
  }
}

/** What a PDF carries: its signatures, checked, and the canonical JSON attached to it. */
export interface PdfInspection {
  signatures: FoundSignature[];
  canonical: string | null;
  /** Too many signatures, too slow or too large to read: nothing was checked, not genuine. */
  isUncheckable: boolean;
}

/** The largest attachment read: a canonical agreement is tens of KiB. */
const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

/**
 * The most all of a file's compressed streams may inflate to, together. A signed agreement with
 * its fonts inflates to a few MiB; a decompression bomb is stopped here, before any parser
 * allocates what it would inflate to.
 */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** Whether every zlib stream of the file inflates within MAX_INFLATED_BYTES together. */
function inflatesWithinBudget(pdf: Buffer): boolean {
  let budget = MAX_INFLATED_BYTES;
  let from = 0;
  for (;;) {
    const start = pdf.indexOf('stream', from, 'latin1');
    if (start === -1) return true;
    let body = start + 'stream'.length;
    if (pdf[body] === 0x0d) body++;
    if (pdf[body] === 0x0a) body++;
    const end = pdf.indexOf('endstream', body, 'latin1');
    if (end === -1) return true;
    from = end + 'endstream'.length;
    // Only zlib data (a deflate header) is inflated; anything else is left to the parser.
    if (pdf[body] !== 0x78) continue;
    try {
      budget -= zlib.inflateSync(pdf.subarray(body, end), { maxOutputLength: budget }).length;
    } catch (error) {
      if (error instanceof RangeError) return false;
    }
  }
}

/**
 * Inspects a PDF (`trusted` holds the fingerprints of the seal certificates this server
 * accepts). Runs in a worker thread (see inspectPdf), so a hostile file costs that thread,
 * bounded in time and memory, never the event loop.
 */
export async function inspectPdfHere(input: {
  pdf: Uint8Array;
  trusted: readonly string[];
}): Promise<PdfInspection> {
  const pdf = Buffer.from(input.pdf.buffer, input.pdf.byteOffset, input.pdf.byteLength);
  const trusted = new Set(input.trusted);
  const fields = inflatesWithinBudget(pdf) ? signatureFields(pdf) : null;
  if (fields === null) return { signatures: [], canonical: null, isUncheckable: true };
  const signatures = fields.map((field) => checkSignature(pdf, field, trusted));
  return { signatures, canonical: await attachedCanonical(pdf), isUncheckable: false };
}

/**
 * The thread that checks PDFs: one check at a time, each at most 1.5 s and 128 MiB of heap;
 * started on the first check (about a second), stopped after two idle minutes.
 */
export const verifyThreads = new WorkerPool(new URL(import.meta.url), {
  size: 1,
  maxWaiting: 8,
  limits: { timeoutMs: 1_500, maxMemoryMb: 128 },
  idleMs: 2 * 60_000,
});

/** {@link inspectPdfHere} in a worker thread; a file past its limits is not genuine. */
export async function inspectPdf(
  pdf: Buffer,
  trusted: ReadonlySet<string>,
): Promise<PdfInspection> {
  try {
    return await verifyThreads.run<PdfInspection>('inspectPdfHere', {
      pdf: new Uint8Array(pdf),
      trusted: [...trusted],
    });
  } catch (error) {
    if (!(error instanceof WorkerTaskError)) throw error;
    // Too slow or too large to read (a decompression bomb): nothing in it can be trusted.
    return { signatures: [], canonical: null, isUncheckable: true };
  }
}

async function attachedCanonical(pdf: Buffer): Promise<string | null> {
  try {
    const attached = (await PDF.load(new Uint8Array(pdf))).attachments.get(CANONICAL_ATTACHMENT);
    if (!attached || attached.length > MAX_ATTACHMENT_BYTES) return null;
    return new TextDecoder().decode(attached);
  } catch {
    return null; // not a PDF this library can read: nothing attached that can be trusted
  }
}
