import type { Content } from 'pdfmake/interfaces';
import { paragraph } from './bidi';
import type { SignatureFamily } from './fonts';

const ARABIC = /\p{Script=Arabic}/u;
const HAN = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u;

/** The handwriting family for a run of a typed signature, by the script it is written in. */
export function signatureFamily(text: string): SignatureFamily {
  if (ARABIC.test(text)) return 'SignatureArabic';
  return HAN.test(text) ? 'SignatureHan' : 'SignatureLatin';
}

/**
 * A typed signature as it is drawn in the PDF: in a handwriting-style font for its script
 * (Latin, Chinese or Arabic; a name mixing scripts gets each run its own), right to left when
 * it is Arabic, the fonts embedded like every other.
 */
export function typedSignature(typed: string): Content {
  const laidOut = paragraph(typed, { width: Infinity, fontSize: 26, direction: 'auto' });
  return withSignatureFonts(laidOut);
}

/** pdfmake content as `paragraph` makes it: text, runs, or a stack of lines. */
type Laid = { stack?: Laid[]; text?: string | { text: string; font: string }[]; font?: string };

function withSignatureFonts(content: Content): Content {
  const walk = (node: Laid): Laid => {
    if (node.stack) return { ...node, stack: node.stack.map(walk) };
    if (typeof node.text === 'string') return { ...node, font: signatureFamily(node.text) };
    if (Array.isArray(node.text)) {
      return {
        ...node,
        text: node.text.map((run) => ({ ...run, font: signatureFamily(run.text) })),
      };
    }
    return node;
  };
  return walk(content as Laid) as Content;
}
