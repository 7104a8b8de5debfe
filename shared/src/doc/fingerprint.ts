import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';
import * as Y from 'yjs';

/** The characters of one Y.XmlText, without its formatting. */
export function xmlTextString(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert: unknown }[]) {
    if (typeof op.insert === 'string') out += op.insert;
  }
  return out;
}

/** Block-level text of a fragment: one line per paragraph, heading or list item. */
export function plainText(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  const visit = (node: Y.XmlElement | Y.XmlFragment): void => {
    let line = '';
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        line += xmlTextString(child);
      } else if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'hardBreak') line += '\n';
        else visit(child);
      }
    }
    if (line !== '') lines.push(line);
  };
  visit(fragment);
  return lines.join('\n');
}

/** What a fingerprint covers: Unicode NFC, whitespace collapsed, trimmed (shared/README.md, P10). */
export function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * SHA-256 (hex) of the normalised text, or `null` for a version with no text yet. Formatting and
 * comment highlights are not text, so they never make a clause drift.
 */
export function fingerprint(text: string): string | null {
  const normal = normalise(text);
  if (normal === '') return null;
  const bytes = digest(encodeUtf8(normal));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
