import { Mark } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { MACHINE_MARK } from '@tandem/shared/doc/machineText';

/** Meta of the transaction that inserts a machine draft: not a person's edit. */
const MACHINE_INSERT = 'machineInsert';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    machineTranslation: {
      /** Inserts paragraphs of machine translation, marked, replacing an empty text. */
      insertMachineDraft: (paragraphs: string[], from: string) => ReturnType;
      /** A person confirms the machine text of the paragraphs the selection touches. */
      confirmMachineText: () => ReturnType;
    };
  }
}

/** Every textblock from `from` to `to` (both ends included), with its position. */
function textblocksAround(doc: PmNode, from: number, to: number): { node: PmNode; pos: number }[] {
  const found: { node: PmNode; pos: number }[] = [];
  const low = Math.max(0, Math.min(from, to));
  const high = Math.min(doc.content.size, Math.max(from, to));
  for (const at of [low, high]) {
    const $at = doc.resolve(at);
    if ($at.parent.isTextblock && $at.depth > 0)
      found.push({ node: $at.parent, pos: $at.before() });
  }
  doc.nodesBetween(low, high, (node, pos) => {
    if (!node.isTextblock) return true;
    found.push({ node, pos });
    return false;
  });
  return found;
}

/** Removes the machine mark from those textblocks; whether there was any. */
function unmark(tr: Transaction, blocks: { node: PmNode; pos: number }[]): boolean {
  const type = tr.doc.type.schema.marks[MACHINE_MARK];
  if (!type) return false;
  let changed = false;
  for (const { node, pos } of blocks) {
    if (!tr.doc.rangeHasMark(pos, pos + node.nodeSize, type)) continue;
    tr.removeMark(pos, pos + node.nodeSize, type);
    changed = true;
  }
  return changed;
}

/**
 * Machine-translated text in a clause (P10), highlighted until a person edits or confirms it:
 * a person's edit in a paragraph takes the mark off that whole paragraph, as does "confirm".
 * Edits arriving from others (Yjs) change nothing here: each person's own editor does it.
 */
export const MachineTranslationMark = Mark.create({
  name: MACHINE_MARK,
  inclusive: false,
  addAttributes() {
    return {
      from: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-from'),
        renderHTML: (attributes) =>
          attributes.from ? { 'data-from': String(attributes.from) } : {},
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-machine-translation]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'span',
      { ...HTMLAttributes, 'data-machine-translation': '', class: 'machine-text' },
      0,
    ];
  },
  addCommands() {
    return {
      insertMachineDraft:
        (paragraphs, from) =>
        ({ state, tr, dispatch }) => {
          const { schema, doc } = state;
          const mark = schema.marks[MACHINE_MARK]?.create({ from });
          const paragraph = schema.nodes.paragraph;
          if (!mark || !paragraph) return false;
          const nodes = paragraphs.map((text) =>
            paragraph.create(null, text ? schema.text(text, [mark]) : null),
          );
          const isEmpty = doc.textContent === '' && doc.childCount <= 1;
          if (dispatch) {
            tr.replaceWith(isEmpty ? 0 : doc.content.size, doc.content.size, nodes);
            tr.setMeta(MACHINE_INSERT, true);
          }
          return true;
        },
      confirmMachineText:
        () =>
        ({ state, tr, dispatch }) => {
          const { from, to } = state.selection;
          const blocks = textblocksAround(state.doc, from, to);
          const type = state.schema.marks[MACHINE_MARK];
          const hasAny =
            type !== undefined &&
            blocks.some(({ node, pos }) => state.doc.rangeHasMark(pos, pos + node.nodeSize, type));
          if (hasAny && dispatch) unmark(tr, blocks);
          return hasAny;
        },
    };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('machineTranslationEdits'),
        appendTransaction(transactions, _old, state) {
          const edited: [number, number][] = [];
          transactions.forEach((tr, index) => {
            if (!tr.docChanged || tr.getMeta(ySyncPluginKey) || tr.getMeta(MACHINE_INSERT)) return;
            // Positions in the final document: through this transaction's later steps, then
            // through the transactions after it.
            const later = transactions.slice(index + 1);
            const toFinal = (pos: number, step: number) =>
              later.reduce((p, t) => t.mapping.map(p), tr.mapping.slice(step + 1).map(pos));
            tr.steps.forEach((step, i) =>
              step.getMap().forEach((_oldFrom, _oldTo, from, to) => {
                edited.push([toFinal(from, i), toFinal(to, i)]);
              }),
            );
          });
          if (edited.length === 0) return null;
          const tr = state.tr;
          const blocks = edited.flatMap(([from, to]) => textblocksAround(state.doc, from, to));
          return unmark(tr, blocks) ? tr : null;
        },
      }),
    ];
  },
});
