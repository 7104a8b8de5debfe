import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementTypes, prevailingOf } from '@tandem/shared/doc/agreement';
import { api } from '../../platform/api';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { languageName } from '../../i18n/languageName';
import { useAgreementScope } from './AgreementContext';
import { useDocValue } from '../../collab/useDocValue';

/** P10: both versions are real; the agreement says which prevails, or that both are equal. */
export function PrevailingLanguage() {
  const { t, i18n } = useTranslation('agreement');
  const { doc, columns, permission, partnership } = useAgreementScope();
  // meta is the server's to write: the choice goes through the API and comes back live.
  const choose = useAction((value: string) =>
    api('PUT', `/api/partnerships/${partnership.id}/agreement/prevailing`, { prevailing: value }),
  );
  const types = useMemo(() => agreementTypes(doc), [doc]);
  const prevailing = useDocValue(types, () => prevailingOf(doc));
  return (
    <label className="field-inline">
      {t('prevailing.label')}
      <select
        value={prevailing}
        disabled={permission !== 'edit' || choose.isRunning}
        onChange={(event) => void choose.run(event.target.value)}
      >
        <option value="equal">{t('prevailing.equal')}</option>
        {columns.map((lang) => (
          <option key={lang} value={lang}>
            {t('prevailing.one', { language: languageName(lang, i18n.language) })}
          </option>
        ))}
      </select>
      <ErrorMessage error={choose.error} />
    </label>
  );
}
