import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClauseInfo, renameClause } from '@tandem/shared/doc/agreement';
import { languageName } from '../../i18n/languageName';
import { useAgreementScope } from './AgreementContext';

interface Props {
  clause: ClauseInfo;
  lang: string;
  isEditable: boolean;
  /** An editor of the agreement reading the other school's title: shown as a read-only field. */
  isPartnersTitle?: boolean;
}

/** A clause's title in one language; editors rename it in place (stored on Enter or leaving). */
export function ClauseTitleField({ clause, lang, isEditable, isPartnersTitle = false }: Props) {
  const { t, i18n } = useTranslation('agreement');
  const { doc } = useAgreementScope();
  const stored = clause.title[lang] ?? '';
  // While this person types, their draft shows; otherwise the stored title, live.
  const [draft, setDraft] = useState<string | null>(null);

  const label = t('titleLabel', { language: languageName(lang, i18n.language) });
  if (!isEditable && isPartnersTitle) {
    return <input dir="auto" className="clause-title" value={stored} aria-label={label} readOnly />;
  }
  if (!isEditable) return stored ? <p className="clause-title">{stored}</p> : null;
  const save = () => {
    const title = draft?.trim();
    if (title && title !== stored) renameClause(doc, clause.id, lang, title);
    setDraft(null);
  };
  return (
    <input
      dir="auto"
      className="clause-title"
      value={draft ?? stored}
      placeholder={t('titlePlaceholder')}
      aria-label={label}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={save}
      onKeyDown={(event) => {
        if (event.key === 'Enter') save();
        if (event.key === 'Escape') setDraft(null);
      }}
    />
  );
}
