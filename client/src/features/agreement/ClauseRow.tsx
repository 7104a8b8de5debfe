import { type DragEvent, type FocusEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClauseInfo, getClauseText, moveClause } from '@tandem/shared/doc/agreement';
import { plainText } from '@tandem/shared/doc/fingerprint';
import { directionOf } from '@tandem/shared/i18n/index';
import type { Identity } from '../../collab/identity';
import { CollabEditor } from '../../editor/CollabEditor';
import { languageName } from '../../i18n/languageName';
import { useAgreementScope } from './AgreementContext';
import { ClauseAnswers } from './ClauseAnswers';
import { ClauseDrift } from './ClauseDrift';
import { ClauseTitleField } from './ClauseTitleField';
import { ClauseMoves } from './ClauseMoves';
import { titleIn } from './titles';
import { ClauseThreads } from '../../widgets/threads/ClauseThreads';
import { CommentButton } from '../../widgets/threads/CommentButton';
import { useThreadsScope } from '../../widgets/threads/ThreadsContext';
import { PromptMarker } from '../../widgets/prompts/PromptMarker';
import { useClauseHighlights } from '../../widgets/threads/useClauseHighlights';
import { useClauseState } from './useClauseState';
import { useTurn } from '../../ui/useTurn';
import { MachineTranslation } from '../../widgets/translation/MachineTranslation';

interface Props {
  clause: ClauseInfo;
  index: number;
  count: number;
  /** Other people working in this clause right now. */
  others: Identity[];
  onHere: (clauseId: string | null) => void;
  onRemoved: (clause: ClauseInfo, index: number) => void;
}

const DRAG_TYPE = 'application/x-tandem-clause';

/** One clause: its versions side by side, its drift status, its structured answers. */
export function ClauseRow({ clause, index, count, others, onHere, onRemoved }: Props) {
  const { t, i18n } = useTranslation('agreement');
  const { doc, status, provider, columns, permission, identity, prompts, partnership } =
    useAgreementScope();
  const state = useClauseState(doc, status, clause, columns);
  const isEditor = permission === 'edit';
  // Each school writes the version in its own language (P10); the server refuses the other.
  const ownLanguage = partnership.sides[partnership.you.side].language;
  const headingId = `clause-title-${clause.id}`;
  const title = titleIn(clause, columns) || t('untitled');

  const onBlur = (event: FocusEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget)) onHere(null);
  };
  const onDrop = (event: DragEvent) => {
    const dragged = event.dataTransfer.getData(DRAG_TYPE);
    if (!dragged || !isEditor) return;
    event.preventDefault();
    moveClause(doc, dragged, index);
  };
  const threads = useThreadsScope();
  const { highlightsFor, onEditorFor } = useClauseHighlights(clause.id, columns, threads);
  // The first clause's editors start with the page; each next clause's in a task of its own.
  const hasEditors = useTurn(index === 0);
  const fragments = useMemo(
    () => columns.map((lang) => ({ lang, fragment: getClauseText(doc, clause.id, lang) })),
    [doc, clause.id, columns],
  );

  // Drafting help in one's own column: a machine translation of the partner's version (P10).
  const draftFrom = (lang: string) => {
    const partner = fragments.find((f) => f.lang !== lang);
    if (!isEditor || lang !== ownLanguage || !partner) return undefined;
    return {
      partnershipId: partnership.id,
      from: partner.lang,
      to: lang,
      source: () => plainText(partner.fragment),
    };
  };

  return (
    <li
      className="clause"
      id={`clause-${clause.id}`}
      aria-labelledby={headingId}
      onFocus={() => onHere(clause.id)}
      onBlur={onBlur}
      onDragOver={(event) => {
        if (isEditor) event.preventDefault();
      }}
      onDrop={onDrop}
    >
      <div className="clause-head">
        {isEditor && (
          <span
            className="drag-handle no-print"
            draggable
            aria-hidden="true"
            title={t('move.drag')}
            onDragStart={(event) => event.dataTransfer.setData(DRAG_TYPE, clause.id)}
          />
        )}
        <h2 id={headingId} tabIndex={-1}>
          {/* Number and title isolated together: "1. Purpose" stays so on an Arabic page. */}
          <bdi>
            {t('clauseNumber', { number: index + 1 })} {title}
          </bdi>
        </h2>
        <PromptMarker
          prompts={prompts}
          partnership={partnership}
          target={{ kind: 'clause', clauseId: clause.id }}
        />
        {others.length > 0 && (
          <ul className="here" aria-label={t('presence', { count: others.length })}>
            {others.map((person, i) => (
              <li key={i} style={{ backgroundColor: person.color }}>
                {person.name}
              </li>
            ))}
          </ul>
        )}
        {isEditor && (
          <ClauseMoves
            clause={clause}
            index={index}
            count={count}
            number={index + 1}
            onRemoved={onRemoved}
          />
        )}
      </div>
      <ClauseDrift clause={clause} state={state} />
      <div className="clause-body">
        <div className="columns" data-columns={columns.length}>
          {fragments.map(({ lang, fragment }) => (
            <section key={lang} className="column" lang={lang} dir={directionOf(lang)}>
              <h3 className="column-language">{languageName(lang, i18n.language)}</h3>
              <ClauseTitleField
                clause={clause}
                lang={lang}
                isEditable={isEditor && lang === ownLanguage}
                isPartnersTitle={isEditor && lang !== ownLanguage}
              />
              {clause.guide[lang] && (
                <details className="guide no-print">
                  <summary>{t('guide')}</summary>
                  <ul>
                    {clause.guide[lang].split('\n').map((question) => (
                      <li key={question}>{question}</li>
                    ))}
                  </ul>
                </details>
              )}
              {hasEditors ? (
                <CollabEditor
                  fragment={fragment}
                  provider={provider}
                  identity={identity}
                  lang={lang}
                  label={t('editorLabel', { title, language: languageName(lang, i18n.language) })}
                  isEditable={isEditor && lang === ownLanguage}
                  highlights={highlightsFor(lang)}
                  onEditor={onEditorFor(lang)}
                  machineDraft={draftFrom(lang)}
                />
              ) : (
                <div className="editor editor-starting" aria-busy="true">
                  {plainText(fragment)
                    .split('\n')
                    .map((line, i) => (
                      <p key={i}>{line}</p>
                    ))}
                </div>
              )}
              {lang !== ownLanguage && (
                <MachineTranslation
                  partnershipId={partnership.id}
                  text={() => plainText(fragment)}
                  from={lang}
                  to={i18n.language}
                  label="show"
                />
              )}
              <CommentButton clauseId={clause.id} lang={lang} />
            </section>
          ))}
        </div>
        <ClauseThreads clauseId={clause.id} />
      </div>
      <ClauseAnswers clause={clause} />
    </li>
  );
}
