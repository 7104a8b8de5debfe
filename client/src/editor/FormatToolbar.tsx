import { type Editor, useEditorState } from '@tiptap/react';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '@tandem/shared/i18n/index';

/** What the toolbar formats in a clause's text and how each is toggled. */
const FORMATS = [
  { id: 'bold', shortcut: 'Mod+B', toggle: (e: Editor) => e.chain().focus().toggleBold().run() },
  {
    id: 'italic',
    shortcut: 'Mod+I',
    toggle: (e: Editor) => e.chain().focus().toggleItalic().run(),
  },
  {
    id: 'bulletList',
    shortcut: 'Mod+Shift+8',
    toggle: (e: Editor) => e.chain().focus().toggleBulletList().run(),
  },
  {
    id: 'orderedList',
    shortcut: 'Mod+Shift+7',
    toggle: (e: Editor) => e.chain().focus().toggleOrderedList().run(),
  },
] as const;

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** The button index an arrow, Home or End key moves to (WAI-ARIA toolbar pattern), or null. */
function movedTo(key: string, from: number, rightToLeft: boolean): number | null {
  const last = FORMATS.length - 1;
  const forward = rightToLeft ? 'ArrowLeft' : 'ArrowRight';
  const back = rightToLeft ? 'ArrowRight' : 'ArrowLeft';
  if (key === forward) return from === last ? 0 : from + 1;
  if (key === back) return from === 0 ? last : from - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return null;
}

/**
 * Bold, italic and the two kinds of list for one editor: a toolbar that is one Tab stop, with
 * arrow keys (mirrored right to left), Home and End between its buttons, each button pressed
 * while the selection has that format. Written here rather than with React Aria so that the
 * agreement's first visit does not load React Aria's focus and press machinery for four buttons.
 */
export function FormatToolbar({ editor, label }: { editor: Editor; label: string }) {
  const { t, i18n } = useTranslation('agreement');
  const [current, setCurrent] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => Object.fromEntries(FORMATS.map((f) => [f.id, e.isActive(f.id)])),
  });
  const modifier = isMac() ? '⌘' : 'Ctrl';

  const onKeyDown = (event: KeyboardEvent) => {
    const next = movedTo(event.key, current, directionOf(i18n.language) === 'rtl');
    if (next === null) return;
    event.preventDefault();
    setCurrent(next);
    buttons.current[next]?.focus();
  };

  return (
    <div
      role="toolbar"
      className="format-toolbar no-print"
      aria-label={t('format.toolbar', { label })}
      onKeyDown={onKeyDown}
    >
      {FORMATS.map((format, index) => (
        <button
          key={format.id}
          ref={(button) => {
            buttons.current[index] = button;
          }}
          type="button"
          tabIndex={index === current ? 0 : -1}
          className={`format-button format-${format.id}`}
          aria-pressed={active[format.id] ?? false}
          aria-label={t(`format.${format.id}`)}
          aria-keyshortcuts={format.shortcut.replace('Mod', isMac() ? 'Meta' : 'Control')}
          // Keeps the editor's selection: the format applies to what is selected.
          onMouseDown={(event) => event.preventDefault()}
          onFocus={() => setCurrent(index)}
          onClick={() => format.toggle(editor)}
        >
          <span
            aria-hidden="true"
            title={`${t(`format.${format.id}`)} (${format.shortcut.replace('Mod', modifier)})`}
          >
            {t(`format.symbol.${format.id}`)}
          </span>
        </button>
      ))}
    </div>
  );
}
