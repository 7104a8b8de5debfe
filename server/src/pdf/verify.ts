import crypto from 'node:crypto';
import { PDF } from '@libpdf/core';
import forge from 'node-forge';
import { CANONICAL_ATTACHMENT } from './signedAgreement';

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

/** Signature dictionaries: their /ByteRange and the /Contents hex string it leaves out. */
function signatureFields(pdf: Buffer): SignatureField[] {
  const text = pdf.toString('latin1');
  const fields: SignatureField[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const range = match.slice(1, 5).map(Number) as [number, number, number, number];
    const [, gapStart, gapEnd] = [range[0], range[1], range[2]];
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

/**
 * What a PDF carries: its signatures checked (`trusted` holds the fingerprints of the seal
 * certificates this server accepts), and the canonical JSON attached to it.
 */
export async function inspectPdf(
  pdf: Buffer,
  trusted: ReadonlySet<string>,
): Promise<{ signatures: FoundSignature[]; canonical: string | null }> {
  const signatures = signatureFields(pdf).map((field) => checkSignature(pdf, field, trusted));
  return { signatures, canonical: await attachedCanonical(pdf) };
}

async function attachedCanonical(pdf: Buffer): Promise<string | null> {
  try {
    const attached = (await PDF.load(new Uint8Array(pdf))).attachments.get(CANONICAL_ATTACHMENT);
    return attached ? new TextDecoder().decode(attached) : null;
  } catch {
    return null; // not a PDF this library can read: nothing attached that can be trusted
  }
}
