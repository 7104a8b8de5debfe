import { useTranslation } from 'react-i18next';
import type { ClauseInfo } from '@tandem/shared/doc/agreement';
import { languageName } from '../../i18n/languageName';
import { useAgreementScope } from './AgreementContext';
import { describe } from './ClauseDrift';
import { titleIn } from './titles';
import { useClauseState } from './useClauseState';

/**
 * The clauses as a table of contents, each with its status (written, aligned, approved by
 * each school): one Tab stop per clause, and following a link moves focus to that clause.
 */
export function ClauseOutline({ clauses }: { clauses: readonly ClauseInfo[] }) {
  const { t } = useTranslation('agreement');
  return (
    <nav className="outline" aria-label={t('outline.title')}>
      <h2 className="side-title">{t('outline.title')}</h2>
      <ol className="plain-list">
        {clauses.map((clause, index) => (
          <OutlineEntry key={clause.id} clause={clause} index={index} />
        ))}
      </ol>
    </nav>
  );
}

function OutlineEntry({ clause, index }: { clause: ClauseInfo; index: number }) {
  const { t, i18n } = useTranslation('agreement');
  const { doc, status, columns, partnership } = useAgreementScope();
  const state = useClauseState(doc, status, clause, columns);
  const { key, tone } = describe(state.status);
  const language = 'language' in state.status ? state.status.language : '';
  const approvedBy = (['A', 'B'] as const).filter((side) => state.approvals[side]);
  const goTo = () => {
    // The heading takes focus, so the keyboard continues from the clause itself.
    requestAnimationFrame(() => document.getElementById(`clause-title-${clause.id}`)?.focus());
  };
  return (
    <li className="outline-entry">
      <a href={`#clause-${clause.id}`} onClick={goTo}>
        <bdi>
          {t('clauseNumber', { number: index + 1 })} {titleIn(clause, columns) || t('untitled')}
        </bdi>
      </a>
      <small className={`outline-status tone-${tone}`}>
        {t(key, { language: languageName(language, i18n.language) })}
        {approvedBy.map((side) => (
          <span key={side}>
            {' · '}
            {t('approval.yes', { school: partnership.sides[side].name })}
          </span>
        ))}
      </small>
    </li>
  );
}
