import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';

interface Props {
  text: Y.Text;
  label: string;
  lang: string;
  dir: string;
  isEditable: boolean;
  isMultiline?: boolean;
  placeholder?: string;
  onValue?: (value: string) => void;
}

/**
 * A plain text field bound live to a Y.Text: typing applies only the changed span (so two
 * people typing in one title merge), and remote changes keep this person's caret in place.
 */
export function YTextField({
  text,
  label,
  lang,
  dir,
  isEditable,
  isMultiline,
  placeholder,
  onValue,
}: Props) {
  const [value, setValue] = useState(() => text.toJSON());
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    const update = (event: Y.YTextEvent) => {
      const element = field.current;
      const next = text.toJSON();
      if (element && document.activeElement === element && !event.transaction.local) {
        // Shift the caret by what was inserted or deleted before it.
        let caret = element.selectionStart ?? 0;
        let index = 0;
        for (const op of event.delta) {
          if (op.retain) index += op.retain;
          else if (typeof op.insert === 'string') {
            if (index <= caret) caret += op.insert.length;
            index += op.insert.length;
          } else if (op.delete && index < caret) caret = Math.max(index, caret - op.delete);
        }
        setValue(next);
        requestAnimationFrame(() => element.setSelectionRange(caret, caret));
      } else {
        setValue(next);
      }
      onValue?.(next);
    };
    setValue(text.toJSON());
    text.observe(update);
    return () => text.unobserve(update);
  }, [text, onValue]);

  const onChange = (next: string) => {
    const current = text.toJSON();
    let start = 0;
    while (start < current.length && start < next.length && current[start] === next[start]) start++;
    let end = 0;
    while (
      end < current.length - start &&
      end < next.length - start &&
      current[current.length - 1 - end] === next[next.length - 1 - end]
    ) {
      end++;
    }
    text.doc?.transact(() => {
      text.delete(start, current.length - start - end);
      text.insert(start, next.slice(start, next.length - end));
    });
    setValue(next);
  };
  const common = {
    ref: field,
    value,
    lang,
    dir,
    placeholder,
    readOnly: !isEditable,
    'aria-label': label,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return isMultiline ? <textarea rows={2} {...common} /> : <input {...common} />;
}
