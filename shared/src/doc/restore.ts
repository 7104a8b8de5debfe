import * as Y from 'yjs';
import { getClauseText, languagesOf } from './agreement';
import { agreementRoot } from './agreementSchema';

type Clonable = Y.XmlElement | Y.XmlText | Y.Map<unknown> | Y.Array<unknown>;

function copyOf<T>(value: T): T {
  // Yjs types belong to one document: a restored value must be a fresh copy.
  if (
    value instanceof Y.XmlElement ||
    value instanceof Y.XmlText ||
    value instanceof Y.Map ||
    value instanceof Y.Array
  ) {
    return (value as Clonable).clone() as T;
  }
  return value;
}

function replaceMap(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
  for (const [key, value] of source.entries()) {
    const current = target.get(key);
    if (current instanceof Y.Map && value instanceof Y.Map) replaceMap(current, value);
    else target.set(key, copyOf(value));
  }
}

/**
 * Makes `target` read as `source` (an older version) in one new edit: order, clauses, texts,
 * lists and answers. Nothing is rewound: the restore is itself a change that can be undone by
 * restoring the version taken just before it.
 */
export function restoreAgreement(target: Y.Doc, source: Y.Doc): void {
  const to = agreementRoot(target);
  const from = agreementRoot(source);
  target.transact(() => {
    to.order.delete(0, to.order.length);
    to.order.insert(0, from.order.toArray());
    replaceMap(to.clauses, from.clauses);
    replaceMap(to.lists, from.lists);
    replaceMap(to.answers, from.answers);
    const languages = new Set([...languagesOf(target), ...languagesOf(source)]);
    for (const clauseId of from.clauses.keys()) {
      for (const lang of languages) {
        const fragment = getClauseText(target, clauseId, lang);
        fragment.delete(0, fragment.length);
        const children: (Y.XmlElement | Y.XmlText)[] = [];
        for (const child of getClauseText(source, clauseId, lang).toArray()) {
          if (child instanceof Y.XmlElement || child instanceof Y.XmlText)
            children.push(copyOf(child));
        }
        fragment.insert(0, children);
      }
    }
  });
}
