import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addClause } from '@tandem/shared/doc/agreement';
import { languageName } from '../../i18n/languageName';
import { useAgreementScope } from './AgreementContext';

/** Adds a clause of the partnership's own making, named in the viewer's language. */
export function AddClause() {
  const { t, i18n } = useTranslation('agreement');
  const { doc, columns, partnership } = useAgreementScope();
  const [title, setTitle] = useState('');
  const lang = columns[0] ?? partnership.sides[partnership.you.side].language;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    addClause(doc, {
      id: crypto.randomUUID(),
      kind: 'custom',
      title: { [lang]: title.trim() },
      by: partnership.you.memberId,
      at: Date.now(),
    });
    setTitle('');
  };
  return (
    <form className="inline-form add-clause no-print" onSubmit={onSubmit}>
      <label>
        {t('add.label', { language: languageName(lang, i18n.language) })}
        <input dir="auto" value={title} lang={lang} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <button type="submit" disabled={!title.trim()}>
        {t('add.action')}
      </button>
    </form>
  );
}
