import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementTypes, prevailingOf, setPrevailing } from '@tandem/shared/doc/agreement';
import { languageName } from '../../i18n/languageName';
import { useAgreementScope } from './AgreementContext';
import { useDocValue } from '../../collab/useDocValue';

/** P10: both versions are real; the agreement says which prevails, or that both are equal. */
export function PrevailingLanguage() {
  const { t, i18n } = useTranslation('agreement');
  const { doc, columns, permission } = useAgreementScope();
  const types = useMemo(() => agreementTypes(doc), [doc]);
  const prevailing = useDocValue(types, () => prevailingOf(doc));
  return (
    <label className="field-inline">
      {t('prevailing.label')}
      <select
        value={prevailing}
        disabled={permission !== 'edit'}
        onChange={(event) => setPrevailing(doc, event.target.value)}
      >
        <option value="equal">{t('prevailing.equal')}</option>
        {columns.map((lang) => (
          <option key={lang} value={lang}>
            {t('prevailing.one', { language: languageName(lang, i18n.language) })}
          </option>
        ))}
      </select>
    </label>
  );
}
