import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  addListItem,
  listType,
  readList,
  removeListItem,
  setListItemText,
} from '@tandem/shared/doc/answers';
import { directionOf } from '@tandem/shared/i18n/index';
import { SIDES, type Side } from '@tandem/shared/people';
import { languageName } from '../../i18n/languageName';
import { useAgreementScope } from './AgreementContext';
import { useDocValue } from '../../collab/useDocValue';

/**
 * P3: what each school will share, side by side, so a one-sided list is plain to see. Each
 * school adds its own items, in its own language, and words the other school's items in its
 * language too, so both read every item.
 */
export function ReciprocalList({ clauseId }: { clauseId: string }) {
  const { t } = useTranslation('agreement');
  const { doc, partnership } = useAgreementScope();
  const items = useReciprocalList(doc, clauseId);
  if (!items) return null;
  return (
    <div className="reciprocal">
      {SIDES.map((side) => (
        // A group, not a region: every list clause has one per school, and landmarks are unique.
        <section
          key={side}
          role="group"
          aria-label={t('list.sharedBy', { school: partnership.sides[side].name })}
        >
          <h4>{t('list.sharedBy', { school: partnership.sides[side].name })}</h4>
          {items[side].length === 0 ? (
            <p className="hint">{t('list.empty')}</p>
          ) : (
            <ul>
              {items[side].map((item) => (
                <ListEntry key={item.id} clauseId={clauseId} side={side} item={item} />
              ))}
            </ul>
          )}
          <AddItem clauseId={clauseId} side={side} />
        </section>
      ))}
    </div>
  );
}

function ListEntry(props: {
  clauseId: string;
  side: Side;
  item: { id: string; text: Record<string, string> };
}) {
  const { t } = useTranslation('agreement');
  const { doc, partnership, permission, columns } = useAgreementScope();
  const { clauseId, side, item } = props;
  const isEditor = permission === 'edit';
  const canRemove = isEditor && side === partnership.you.side;
  // Each school words every item in its own language too, whichever school listed it (P10).
  const ownLanguage = partnership.sides[partnership.you.side].language;
  const canWord = isEditor && columns.includes(ownLanguage) && !item.text[ownLanguage]?.trim();
  return (
    <li className="list-entry">
      <ListItemText text={item.text} languages={columns} />
      {canWord && (
        <AddWording
          language={ownLanguage}
          onAdd={(text) => setListItemText(doc, clauseId, side, item.id, ownLanguage, text)}
        />
      )}
      {canRemove && (
        <button
          type="button"
          className="link"
          onClick={() => removeListItem(doc, clauseId, side, item.id)}
        >
          {t('list.remove')}
        </button>
      )}
    </li>
  );
}

/** "Add the Chinese wording", opening one field in that language. */
function AddWording({ language, onAdd }: { language: string; onAdd: (text: string) => void }) {
  const { t, i18n } = useTranslation('agreement');
  const [isOpen, setIsOpen] = useState(false);
  const [text, setText] = useState('');
  const label = t('list.addWording', { language: languageName(language, i18n.language) });
  if (!isOpen) {
    return (
      <button type="button" className="link" onClick={() => setIsOpen(true)}>
        {label}
      </button>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    onAdd(text.trim());
    setIsOpen(false);
    setText('');
  };
  return (
    <form className="inline-form" onSubmit={onSubmit}>
      <input
        autoFocus
        value={text}
        lang={language}
        dir={directionOf(language)}
        maxLength={2000}
        aria-label={label}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setIsOpen(false);
        }}
      />
      <button type="submit" className="secondary" disabled={!text.trim()}>
        {t('list.saveWording')}
      </button>
      <button type="button" className="link" onClick={() => setIsOpen(false)}>
        {t('list.cancel')}
      </button>
    </form>
  );
}

function AddItem({ clauseId, side }: { clauseId: string; side: Side }) {
  const { t } = useTranslation('agreement');
  const { doc, partnership, permission } = useAgreementScope();
  const [text, setText] = useState('');
  if (permission !== 'edit' || side !== partnership.you.side) return null;
  const lang = partnership.sides[side].language;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    addListItem(doc, clauseId, side, {
      id: crypto.randomUUID(),
      lang,
      text: text.trim(),
      by: partnership.you.memberId,
    });
    setText('');
  };
  return (
    <form className="inline-form" onSubmit={onSubmit}>
      <input
        value={text}
        lang={lang}
        dir={directionOf(lang)}
        aria-label={t('list.newItem')}
        placeholder={t('list.placeholder')}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="secondary" disabled={!text.trim()}>
        {t('list.add')}
      </button>
    </form>
  );
}

/**
 * A list item's wording in each language it has, side by side in the agreement's column order
 * (any other language after), each in its own direction.
 */
function ListItemText(props: { text: Record<string, string>; languages: readonly string[] }) {
  const order = (lang: string) => {
    const at = props.languages.indexOf(lang);
    return at < 0 ? props.languages.length : at;
  };
  const wordings = Object.entries(props.text)
    .filter(([, wording]) => wording.trim() !== '')
    .sort(([a], [b]) => order(a) - order(b));
  return (
    <span className="list-wordings">
      {wordings.map(([lang, wording]) => (
        <span key={lang} lang={lang} dir={directionOf(lang)} className="list-text">
          {wording}
        </span>
      ))}
    </span>
  );
}

/** Both schools' items of a clause's list, live; null when the clause has no list. */
function useReciprocalList(doc: Y.Doc, clauseId: string) {
  const list = useMemo(() => listType(doc, clauseId), [doc, clauseId]);
  const types = useMemo(() => (list ? [list] : []), [list]);
  const items = useDocValue(types, () => ({
    A: readList(doc, clauseId, 'A'),
    B: readList(doc, clauseId, 'B'),
  }));
  return list ? items : null;
}
