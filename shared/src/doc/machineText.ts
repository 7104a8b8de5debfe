import * as Y from 'yjs';

/**
 * The mark machine-translated text carries in a clause (P10: translation is a helper, never the
 * final word): the editor's `machineTranslation` mark, stored by Yjs as a formatting attribute
 * of the text. A person removes it by editing the part or confirming it.
 */
export const MACHINE_MARK = 'machineTranslation';

function visitTexts(node: Y.XmlElement | Y.XmlFragment, visit: (text: Y.XmlText) => void): void {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) visit(child);
    else if (child instanceof Y.XmlElement) visitTexts(child, visit);
  }
}

type Op = { insert: unknown; attributes?: Record<string, unknown> };

/** Whether any text of the fragment still carries the machine mark. */
export function hasMachineText(fragment: Y.XmlFragment): boolean {
  let found = false;
  visitTexts(fragment, (text) => {
    if (found) return;
    found = (text.toDelta() as Op[]).some(
      (op) => typeof op.insert === 'string' && op.attributes?.[MACHINE_MARK] !== undefined,
    );
  });
  return found;
}
