import { type Editor, useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { MACHINE_MARK } from '@tandem/shared/doc/machineText';
import { ErrorMessage } from '../platform/ErrorMessage';
import { useAction } from '../ui/useAction';
import { machineTranslate, useTranslationOffer } from '../platform/translation';

/** Drafting help for one's own version from the partner's (P10). */
export interface MachineDraft {
  partnershipId: string;
  /** The partner's language and one's own. */
  from: string;
  to: string;
  /** The partner's text as it is when the person asks. */
  source: () => string;
}

/**
 * "Draft from the partner's version" inserts a machine translation, marked and highlighted;
 * while some remains, the bar says so and confirms the part at the cursor. Hidden when the
 * server offers no translation for this pair.
 */
export function MachineDraftBar({ editor, draft }: { editor: Editor; draft: MachineDraft }) {
  const { t } = useTranslation('common');
  const canTranslate = useTranslationOffer(draft.partnershipId);
  const { hasMachineText, canConfirm } = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      // Also asked while the editor is being replaced (a clause renamed), when it has no schema.
      if (!e?.schema || e.isDestroyed) return { hasMachineText: false, canConfirm: false };
      const type = e.schema.marks[MACHINE_MARK];
      const { doc } = e.state;
      return {
        hasMachineText: type !== undefined && doc.rangeHasMark(0, doc.content.size, type),
        canConfirm: e.can().confirmMachineText(),
      };
    },
  });
  const insert = useAction(async () => {
    const source = draft.source();
    if (source.trim() === '') return;
    const translation = await machineTranslate(draft.partnershipId, source, draft.from, draft.to);
    editor.chain().focus().insertMachineDraft(translation.text.split('\n'), draft.from).run();
  });
  const offered = canTranslate(draft.from, draft.to);
  if (!offered && !hasMachineText) return null;
  return (
    <div className="machine-draft no-print">
      {offered && (
        <button
          type="button"
          className="secondary"
          disabled={insert.isRunning}
          onClick={() => void insert.run()}
        >
          {t(insert.isRunning ? 'translation.working' : 'translation.draft')}
        </button>
      )}
      {hasMachineText && (
        <>
          <p className="machine-hint" role="note">
            {t('translation.review')}
          </p>
          <button
            type="button"
            className="secondary"
            disabled={!canConfirm}
            // Keeps the editor's selection: the part at the cursor is the one confirmed.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => editor.chain().focus().confirmMachineText().run()}
          >
            {t('translation.confirm')}
          </button>
        </>
      )}
      <ErrorMessage error={insert.error} />
    </div>
  );
}
