import type * as Y from 'yjs';

/**
 * The rich text of one clause in one language: `c/<clauseId>/<lang>`, bound to one Tiptap editor.
 * The only place that knows this field name (STYLE.md).
 */
export function getClauseText(doc: Y.Doc, clauseId: string, lang: string): Y.XmlFragment {
  return doc.getXmlFragment(`c/${clauseId}/${lang}`);
}
