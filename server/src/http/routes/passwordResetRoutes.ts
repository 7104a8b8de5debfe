import { AppError, ErrorCode } from '@tandem/shared/errors';
import { PasswordReset, PasswordResetRequest } from '@tandem/shared/peopleBodies';
import { CloseCode } from '@tandem/shared/protocol';
import { resetMail } from '../../notify/resetMail';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';

/**
 * Password reset by email. The request's answer is the same whether or not the address has an
 * account (202, sent after answering); the link works once, for an hour.
 */
export function addPasswordResetRoutes(router: Router, deps: ApiDeps): void {
  const { resets, mailer, connections, publicUrl, log } = deps;

  router.add('GET', '/api/password-resets', ({ res }) => {
    sendJson(res, 200, { isEmailOn: mailer !== null });
    return Promise.resolve();
  });

  router.add('POST', '/api/password-resets', async ({ req, res }) => {
    const { email } = await readJson(req, PasswordResetRequest);
    if (!mailer) throw new AppError(ErrorCode.EMAIL_OFF, 'Email is off: no link can be sent.');
    const reset = await resets.request(email, req);
    sendJson(res, 202, { sent: true });
    if (!reset) return;
    const link = `${publicUrl}/reset/${reset.token}`;
    await mailer
      .send(resetMail(reset.account, link))
      .catch((error: unknown) => log('sending a password-reset mail failed', error));
  });

  router.add('POST', '/api/password-resets/:token', async ({ req, res, params }) => {
    const { password } = await readJson(req, PasswordReset);
    const { account, ended } = await resets.complete(params.token ?? '', password, req, res);
    connections.closeWhere({ sessionHashes: ended }, CloseCode.unauthorized, 'password reset');
    sendJson(res, 200, { account });
  });
}
