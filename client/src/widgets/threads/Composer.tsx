import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mentionsIn } from './filterThreads';
import { useThreadsScope } from './ThreadsContext';

interface Props {
  label: string;
  submitLabel: string;
  initial?: string;
  onSubmit: (body: string, mentions: string[]) => void;
  onCancel?: () => void;
  /** Focus the box when it appears (opened by an action, not always on the page). */
  autoFocus?: boolean;
  /** Shown under the box as it is written (a proposal's word diff). */
  preview?: (body: string) => ReactNode;
}

/** The word being typed after an `@`, if the caret is in one. */
function mentionQuery(text: string, caret: number): string | null {
  const match = /(?:^|\s)@([^\s@]*)$/u.exec(text.slice(0, caret));
  return match ? (match[1] ?? '') : null;
}

/** A comment box with @mentions of members (type @, pick with arrows and Enter, or click). */
export function Composer(props: Props) {
  const { label, submitLabel, initial = '', onSubmit, onCancel, autoFocus, preview } = props;
  const { t } = useTranslation('comments');
  const { members, myMemberId } = useThreadsScope();
  const [body, setBody] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const [highlighted, setHighlighted] = useState(0);
  const listId = useId();
  const query = mentionQuery(body, caret);
  const matches =
    query === null
      ? []
      : members
          // Nobody is offered themselves.
          .filter((m) => m.id !== myMemberId && m.name.toLowerCase().includes(query.toLowerCase()))
          .slice(0, 6);

  const pick = (name: string) => {
    const before = body.slice(0, caret).replace(/@[^\s@]*$/u, `@${name} `);
    setBody(before + body.slice(caret));
    setCaret(before.length);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (matches.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : matches.length - 1;
      setHighlighted((h) => (h + step) % matches.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const member = matches[highlighted] ?? matches[0];
      if (member) pick(member.name);
    }
  };
  const field = useRef<HTMLTextAreaElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) return;
    onSubmit(text, mentionsIn(text, members));
    setBody('');
    setCaret(0);
    // The button goes disabled with the box emptied: keep the keyboard in the box.
    field.current?.focus();
  };

  return (
    <form className="composer" onSubmit={submit}>
      <textarea
        ref={field}
        aria-label={label}
        value={body}
        rows={2}
        dir="auto"
        autoFocus={autoFocus}
        aria-autocomplete="list"
        aria-controls={matches.length > 0 ? listId : undefined}
        aria-activedescendant={matches.length > 0 ? `${listId}-${highlighted}` : undefined}
        onChange={(e) => {
          setBody(e.target.value);
          setCaret(e.target.selectionStart);
          setHighlighted(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {matches.length > 0 && (
        <ul id={listId} role="listbox" className="mentions" aria-label={t('mentionList')}>
          {matches.map((m, i) => (
            <li
              key={m.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === highlighted}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m.name);
              }}
            >
              {m.name}
            </li>
          ))}
        </ul>
      )}
      {preview?.(body)}
      <div className="composer-actions">
        <button type="submit" disabled={!body.trim()}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
