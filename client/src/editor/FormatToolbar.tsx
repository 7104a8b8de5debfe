import { type Editor, useEditorState } from '@tiptap/react';
import { I18nProvider, ToggleButton, Toolbar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/** What a clause's text holds (AGREEMENT_FORMATS in CollabEditor) and how each is toggled. */
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

/**
 * Bold, italic and the two kinds of list for one editor: a toolbar (one Tab stop, arrow keys
 * between its buttons; React Aria), each button pressed while the selection has that format.
 */
export function FormatToolbar({ editor, label }: { editor: Editor; label: string }) {
  const { t, i18n } = useTranslation('agreement');
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => Object.fromEntries(FORMATS.map((f) => [f.id, e.isActive(f.id)])),
  });
  const modifier = isMac() ? '⌘' : 'Ctrl';
  return (
    <I18nProvider locale={i18n.language}>
      <Toolbar className="format-toolbar no-print" aria-label={t('format.toolbar', { label })}>
        {FORMATS.map((format) => (
          <ToggleButton
            key={format.id}
            className={`format-button format-${format.id}`}
            isSelected={active[format.id] ?? false}
            onChange={() => format.toggle(editor)}
            aria-label={t(`format.${format.id}`)}
            aria-keyshortcuts={format.shortcut.replace('Mod', isMac() ? 'Meta' : 'Control')}
          >
            <span
              aria-hidden="true"
              title={`${t(`format.${format.id}`)} (${format.shortcut.replace('Mod', modifier)})`}
            >
              {t(`format.symbol.${format.id}`)}
            </span>
          </ToggleButton>
        ))}
      </Toolbar>
    </I18nProvider>
  );
}
