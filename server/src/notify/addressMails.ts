import { translateEmail } from '@tandem/shared/i18n/serverCatalogues';
import type { Account } from '../storage/PeopleStore';
import type { Mail } from './Mailer';

const translator =
  (account: Account) =>
  (key: string, values: Record<string, string | number> = {}) =>
    translateEmail(account.language, key, values);

/** The confirmation link for `email` (the account's address, or the one it changes to). */
export function confirmMail(
  account: Account,
  email: string,
  publicUrl: string,
  token: string,
): Mail {
  const t = translator(account);
  const link = `${publicUrl}/confirm/${token}`;
  return {
    to: email,
    subject: t('confirmSubject'),
    text: [t('confirmBody', { name: account.name, email }), '', link, '', t('confirmIgnore')].join(
      '\n',
    ),
  };
}

/** Tells the old address that a change to `newEmail` was asked for, and what to do if not. */
export function changeNoticeMail(account: Account, newEmail: string, accountPage: string): Mail {
  const t = translator(account);
  return {
    to: account.email,
    subject: t('changeSubject'),
    text: [
      t('changeBody', { name: account.name, old: account.email, new: newEmail }),
      '',
      t('changeWarning'),
      accountPage,
    ].join('\n'),
  };
}
