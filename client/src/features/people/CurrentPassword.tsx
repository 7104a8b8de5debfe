import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';

/** The account's current password, which every change to the account asks for. */
export function CurrentPassword(props: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation('people');
  return (
    <Field
      label={t('account.current')}
      type="password"
      autoComplete="current-password"
      required
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}
