import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectionAnchor } from '../../editor/selectionAnchor';
import { editorKey, useThreadsScope } from './ThreadsContext';

/** "Comment" on the selection of one clause version, and "Propose new text" for it. */
export function CommentButton({ clauseId, lang }: { clauseId: string; lang: string }) {
  const { t } = useTranslation('comments');
  const { canComment, canPropose, editors, setDraft } = useThreadsScope();
  const [hint, setHint] = useState(false);
  if (!canComment) return null;
  const comment = () => {
    const editor = editors.get(editorKey(clauseId, lang));
    const anchor = editor ? selectionAnchor(editor) : null;
    setHint(anchor === null);
    if (anchor) setDraft({ target: { clauseId, lang }, anchor, isProposal: false });
  };
  return (
    <div className="comment-tools no-print">
      {/* mousedown would move the focus, and with it the selection, out of the editor */}
      <button
        type="button"
        className="secondary"
        onMouseDown={(e) => e.preventDefault()}
        onClick={comment}
      >
        {t('comment')}
      </button>
      {canPropose && (
        <button
          type="button"
          className="secondary"
          onClick={() => setDraft({ target: { clauseId, lang }, anchor: null, isProposal: true })}
        >
          {t('proposeText')}
        </button>
      )}
      {hint && <span className="hint">{t('selectFirst')}</span>}
    </div>
  );
}
