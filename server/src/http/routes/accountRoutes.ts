import {
  AccountChanges,
  Credentials,
  NewAccount,
  PasswordChange,
} from '@tandem/shared/peopleBodies';
import { CloseCode } from '@tandem/shared/protocol';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';

/** Accounts and sessions: sign up, sign in, sign out, and the signed-in person. */
export function addAccountRoutes(router: Router, { people, auth, connections }: ApiDeps): void {
  router.add('POST', '/api/accounts', async ({ req, res }) => {
    const account = await auth.signUp(await readJson(req, NewAccount), req, res);
    sendJson(res, 201, { account });
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

  router.add('PATCH', '/api/me', async ({ req, res }) => {
    const { account } = await auth.requireSession(req);
    const changes = await readJson(req, AccountChanges);
    sendJson(res, 200, { account: await people.updateAccount(account.id, changes) });
  });
}
