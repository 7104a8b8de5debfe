import { translateEmail } from '@tandem/shared/i18n/serverCatalogues';
import type { Account } from '../storage/PeopleStore';
import type { Mail } from './Mailer';

/** The password-reset mail, in the account's language, with its single-use link. */
export function resetMail(account: Account, link: string): Mail {
  const t = (key: string, values: Record<string, string | number> = {}) =>
    translateEmail(account.language, key, values);
  return {
    to: account.email,
    subject: t('resetSubject'),
    text: [t('resetBody', { name: account.name }), '', link, '', t('resetIgnore')].join('\n'),
  };
}
