import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';
import type * as Y from 'yjs';
import { agreementModel } from './agreementModel';

/** JSON with keys sorted at every level, so equal content always gives equal bytes. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What both schools sign: the agreement model (agreementModel.ts) with keys sorted, so equal
 * content always gives equal bytes. No comments, no drafts of threads, no formatting
 * (server/README.md, The signed PDF).
 */
export function canonicalAgreement(
  doc: Y.Doc,
  schools: Parameters<typeof agreementModel>[1],
  at: number,
): string {
  return stableStringify(agreementModel(doc, schools, at));
}

/** SHA-256 (hex) of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return Array.from(digest(encodeUtf8(text)), (b) => b.toString(16).padStart(2, '0')).join('');
}
