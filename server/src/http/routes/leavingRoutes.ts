import { AppError, ErrorCode } from '@tandem/shared/errors';
import { AccountDeletion, EmailChange } from '@tandem/shared/peopleBodies';
import { changeNoticeMail, confirmMail } from '../../notify/addressMails';
import { readJson } from '../body';
import { sendDownload, sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';

/**
 * One's own address and leaving: confirming an address (by link, signed in or not), sending
 * the link again, changing the address, downloading one's data, deleting the account.
 */
export function addAddressAndLeavingRoutes(router: Router, deps: ApiDeps): void {
  const { auth, people, addresses, leaving, mailer, publicUrl, log } = deps;

  router.add('POST', '/api/email-confirmations/:token', async ({ req, res, params }) => {
    const account = await addresses.confirm(params.token ?? '', req);
    sendJson(res, 200, { email: account.email });
  });

  router.add('POST', '/api/me/email-confirmation', async ({ req, res }) => {
    const { account } = await auth.requireSession(req);
    if (!mailer) throw new AppError(ErrorCode.EMAIL_OFF, 'Email is off: no link can be sent.');
    const token = await addresses.resend(account);
    await mailer.send(confirmMail(account, account.email, publicUrl, token));
    sendJson(res, 202, { sentTo: account.email });
  });

  router.add('POST', '/api/me/email', async ({ req, res }) => {
    const session = await auth.requireSession(req);
    const { email, password } = await readJson(req, EmailChange);
    const token = await addresses.change(session, password, email, mailer !== null);
    if (!mailer || !token) {
      sendJson(res, 200, { account: await people.findAccount(session.account.id) });
      return;
    }
    const { account } = session;
    await mailer.send(confirmMail(account, email, publicUrl, token));
    sendJson(res, 202, { sentTo: email });
    await mailer
      .send(changeNoticeMail(account, email, `${publicUrl}/account`))
      .catch((error: unknown) => log('sending an address-change notice failed', error));
  });
  router.add('GET', '/api/me/data', async ({ req, res }) => {
    const session = await auth.requireSession(req);
    const data = await leaving.dataOf(session);
    sendDownload(
      res,
      'application/json; charset=utf-8',
      JSON.stringify(data, null, 2),
      'tandem-my-data.json',
    );
  });

  router.add('DELETE', '/api/me', async ({ req, res }) => {
    const session = await auth.requireSession(req);
    const { password } = await readJson(req, AccountDeletion);
    await leaving.deleteAccount(session, password);
    res.writeHead(204).end();
  });
}
