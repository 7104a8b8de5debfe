import {
  AccountChanges,
  Credentials,
  NewAccount,
  PasswordChange,
} from '@tandem/shared/peopleBodies';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { CloseCode } from '@tandem/shared/protocol';
import { confirmMail } from '../../notify/addressMails';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';

/** A signed-in device's id in the API: never the whole hash. */
const sessionId = (tokenHash: string) => tokenHash.slice(0, 16);

/** Accounts and sessions: sign up, sign in, sign out, and the signed-in person. */
export function addAccountRoutes(
  router: Router,
  { people, auth, connections, addresses, mailer, publicUrl, log }: ApiDeps,
): void {
  router.add('POST', '/api/accounts', async ({ req, res }) => {
    const account = await auth.signUp(await readJson(req, NewAccount), req, res);
    sendJson(res, 201, { account });
    // With email on, the new address gets its confirmation link (after the answer).
    if (!mailer) return;
    await addresses
      .issue(account, account.email)
      .then((token) => mailer.send(confirmMail(account, account.email, publicUrl, token)))
      .catch((error: unknown) => log('sending a confirmation mail failed', error));
  });

  router.add('POST', '/api/sessions', async ({ req, res }) => {
    const { email, password } = await readJson(req, Credentials);
    const account = await auth.signIn(email, password, req, res);
    sendJson(res, 200, { account });
  });

  router.add('DELETE', '/api/sessions', async ({ req, res }) => {
    const sessionHash = await auth.signOut(req, res);
    if (sessionHash) {
      connections.closeWhere(
        { sessionHashes: [sessionHash] },
        CloseCode.unauthorized,
        'signed out',
      );
    }
    res.writeHead(204).end();
  });

  router.add('GET', '/api/me', async ({ req, res }) => {
    const { account } = await auth.requireSession(req);
    sendJson(res, 200, { account, memberships: await people.listMemberships(account.id) });
  });

  router.add('POST', '/api/me/password', async ({ req, res }) => {
    const session = await auth.requireSession(req);
    const { currentPassword, newPassword } = await readJson(req, PasswordChange);
    const ended = await auth.changePassword(session, currentPassword, newPassword);
    connections.closeWhere({ sessionHashes: ended }, CloseCode.unauthorized, 'signed out');
    res.writeHead(204).end();
  });

  // The signed-in devices: each named by a short id (the start of its token's hash, which
  // opens nothing), the browser and system, and when it signed in.
  router.add('GET', '/api/me/sessions', async ({ req, res }) => {
    const session = await auth.requireSession(req);
    const sessions = await people.listSessions(session.account.id, Date.now());
    sendJson(
      res,
      200,
      sessions.map((s) => ({
        id: sessionId(s.tokenHash),
        device: s.device,
        createdAt: s.createdAt,
        isThis: s.tokenHash === session.sessionHash,
      })),
    );
  });

  router.add('DELETE', '/api/me/sessions/:sessionId', async ({ req, res, params }) => {
    const session = await auth.requireSession(req);
    const sessions = await people.listSessions(session.account.id, Date.now());
    const ended = sessions.find((s) => sessionId(s.tokenHash) === params.sessionId);
    if (!ended) throw new AppError(ErrorCode.NOT_FOUND, 'No such signed-in device.');
    await people.deleteSession(ended.tokenHash);
    connections.closeWhere(
      { sessionHashes: [ended.tokenHash] },
      CloseCode.unauthorized,
      'signed out',
    );
    res.writeHead(204).end();
  });

  router.add('PATCH', '/api/me', async ({ req, res }) => {
    const { account } = await auth.requireSession(req);
    const changes = await readJson(req, AccountChanges);
    sendJson(res, 200, { account: await people.updateAccount(account.id, changes) });
  });
}
