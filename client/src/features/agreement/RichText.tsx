import { createElement, type ReactNode, useMemo } from 'react';
import * as Y from 'yjs';
import { useDocValue } from '../../collab/useDocValue';

const BLOCKS: Record<string, string> = {
  paragraph: 'p',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  blockquote: 'blockquote',
  codeBlock: 'pre',
};

const MARKS: Record<string, string> = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  underline: 'u',
  code: 'code',
};

function renderText(text: Y.XmlText, key: string): ReactNode[] {
  const ops = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  return ops.map((op, i) => {
    if (typeof op.insert !== 'string') return null;
    let node: ReactNode = op.insert;
    for (const mark of Object.keys(op.attributes ?? {})) {
      const tag = MARKS[mark];
      if (tag) node = createElement(tag, null, node);
    }
    return <span key={`${key}.${i}`}>{node}</span>;
  });
}

function renderNode(node: Y.XmlElement | Y.XmlText | Y.XmlHook, key: string): ReactNode {
  if (node instanceof Y.XmlText) return renderText(node, key);
  if (!(node instanceof Y.XmlElement)) return null;
  const children = node.toArray().map((child, i) => renderNode(child, `${key}.${i}`));
  if (node.nodeName === 'hardBreak') return <br key={key} />;
  if (node.nodeName === 'heading') return <h4 key={key}>{children}</h4>;
  return createElement(BLOCKS[node.nodeName] ?? 'div', { key }, children);
}

/** A clause's rich text, read-only, without an editor (print and preview). */
export function RichText({ fragment }: { fragment: Y.XmlFragment }) {
  const types = useMemo(() => [fragment], [fragment]);
  const nodes = useDocValue(types, () =>
    fragment.toArray().map((node, i) => renderNode(node, `${i}`)),
  );
  return <>{nodes}</>;
}
