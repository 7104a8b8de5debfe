import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PartnershipView } from '@tandem/shared/api';
import { readThreads, startThread } from '@tandem/shared/doc/threads';
import type { TandemServer } from '../src/server';
import { freezeAgreement } from './agreementFlow';
import {
  closeCode,
  connectClient,
  rawSocket,
  startTestServer,
  synced,
  tempDataDir,
  waitFor,
} from './helpers';
import { call, join, PASSWORD, type Person, twoSchools, inboxTotal } from './people';

interface Data {
  format: string;
  account: { email: string; name: string };
  memberships: { partnershipId: string; side: string; role: string; leftAt: number | null }[];
  comments: { body: string; threadId: string }[];
  signatures: { name: string; side: string; agreementHash: string }[];
}

describe('leaving: a person downloads their data and deletes their account', () => {
  let server: TandemServer;
  let base: string;
  let id: string;
  let coordinatorA: Person;
  let coordinatorB: Person;
  let signerB: Person;
  let signerMemberId: string;
  let pdf: Buffer;

  const view = async (person: Person) =>
    (await call(base, 'GET', `/api/partnerships/${id}`, undefined, person)).body as PartnershipView;

  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
    ({ id, coordinatorA, coordinatorB } = await twoSchools(base));
    signerB = await join(base, coordinatorB, id, 'B', 'coordinator');
    const member = (await view(signerB)).you.memberId;
    signerMemberId = member;
    // The second coordinator of B comments, then signs for B.
    const doc = new Y.Doc();
    const provider = connectClient(server.port, `${id}/agreement.threads`, signerB, doc);
    await synced(provider);
    startThread(
      doc,
      { id: 't1', target: { clauseId: 'purpose', lang: 'zh-Hans' }, anchor: null },
      {
        id: 'c1',
        authorId: member,
        body: '两周够吗？',
        mentions: [],
        at: Date.now(),
        timeZone: 'Asia/Shanghai',
      },
    );
    await waitFor(
      async () => (await inboxTotal(base, id, coordinatorA)) === 1,
      'the comment to be stored',
    );
    provider.destroy();
    const { hash } = await freezeAgreement(base, server.port, id, coordinatorA, coordinatorB);
    const sign = (person: Person, name: string) =>
      call(
        base,
        'POST',
        `/api/partnerships/${id}/signing/signatures`,
        { name, title: 'Principal', typed: name, consent: true, hash, language: 'en' },
        person,
      );
    expect((await sign(signerB, '刘校长')).status).toBe(201);
    expect((await sign(coordinatorA, 'Ana Coordinator')).status).toBe(201);
    const res = await fetch(`${base}/api/partnerships/${id}/agreement.pdf`, {
      headers: { Cookie: coordinatorA.cookie },
    });
    pdf = Buffer.from(await res.arrayBuffer());
  });
  afterAll(async () => {
    await server.close();
  });

  it('downloads the account, memberships, comments and signature records', async () => {
    expect((await call(base, 'GET', '/api/me/data')).status).toBe(401);
    const res = await fetch(`${base}/api/me/data`, { headers: { Cookie: signerB.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const data = (await res.json()) as Data;
    expect(data.format).toBe('tandem-personal-data/1');
    expect(data.account.email).toBe(signerB.email);
    expect(data.memberships).toMatchObject([
      { partnershipId: id, side: 'B', role: 'coordinator', leftAt: null },
    ]);
    expect(data.comments).toMatchObject([{ body: '两周够吗？', threadId: 't1' }]);
    expect(data.signatures).toMatchObject([{ name: '刘校长', side: 'B' }]);
    // Only their own: no one else's comments or signatures.
    const theirs = (await (
      await fetch(`${base}/api/me/data`, { headers: { Cookie: coordinatorA.cookie } })
    ).json()) as Data;
    expect(theirs.comments).toEqual([]);
    expect(theirs.signatures.map((s) => s.name)).toEqual(['Ana Coordinator']);
  });

  it('keeps the last coordinator of a school until they hand over', async () => {
    const refused = await call(base, 'DELETE', '/api/me', { password: PASSWORD }, coordinatorA);
    expect(refused).toMatchObject({
      status: 409,
      body: { error: { code: 'LAST_COORDINATOR', partnerships: [id] } },
    });
    expect((await call(base, 'GET', '/api/me', undefined, coordinatorA)).status).toBe(200);
    const wrong = await call(base, 'DELETE', '/api/me', { password: 'not it at all 12' }, signerB);
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS' } } });
    expect((await call(base, 'DELETE', '/api/me', {}, signerB)).status).toBe(400);
    expect((await view(coordinatorA)).members.some((m) => m.id === signerMemberId)).toBe(true);
  });

  it('ends their sessions at once and keeps the partnership whole and honest', async () => {
    const ws = await rawSocket(server.port, `${id}/agreement`, signerB);
    const closed = closeCode(ws);
    const deleted = await call(base, 'DELETE', '/api/me', { password: PASSWORD }, signerB);
    expect(deleted.status).toBe(204);
    expect(await closed).toBe(4401);
    expect((await call(base, 'GET', '/api/me', undefined, signerB)).status).toBe(401);
    const signIn = await call(base, 'POST', '/api/sessions', {
      email: signerB.email,
      password: PASSWORD,
    });
    expect(signIn.status).toBe(401);

    // Their comment stays, written by a former member of school B.
    const partnership = await view(coordinatorA);
    expect(partnership.members.some((m) => m.id === signerMemberId)).toBe(false);
    expect(partnership.formerMembers).toContainEqual({ id: signerMemberId, side: 'B' });
    const threads = new Y.Doc();
    const provider = connectClient(server.port, `${id}/agreement.threads`, coordinatorA, threads);
    await synced(provider);
    const [thread] = readThreads(threads);
    expect(thread?.comments[0]).toMatchObject({ body: '两周够吗？', authorId: signerMemberId });
    provider.destroy();

    // A signature stays a signature: the same PDF, still valid; the audit chain intact.
    const signing = (
      await call(base, 'GET', `/api/partnerships/${id}/signing`, undefined, coordinatorA)
    ).body as { phase: string; isAuditIntact: boolean; signatures: { name: string }[] };
    expect(signing).toMatchObject({ phase: 'signed', isAuditIntact: true });
    expect(signing.signatures.map((s) => s.name)).toContain('刘校长');
    const again = await fetch(`${base}/api/partnerships/${id}/agreement.pdf`, {
      headers: { Cookie: coordinatorA.cookie },
    });
    expect(Buffer.from(await again.arrayBuffer()).equals(pdf)).toBe(true);
    const report = (await (
      await fetch(`${base}/api/verify`, {
        method: 'POST',
        body: new Uint8Array(pdf),
        headers: { 'Content-Type': 'application/pdf' },
      })
    ).json()) as { valid: boolean; hashMatches: boolean };
    expect(report).toMatchObject({ valid: true, hashMatches: true });

    // The address is free again: the person may come back with a new account.
    const back = await call(base, 'POST', '/api/accounts', {
      email: signerB.email,
      password: PASSWORD,
      name: 'Back Again',
      language: 'en',
    });
    expect(back.status).toBe(201);
    expect((await view(coordinatorA)).members.some((m) => m.name === 'Back Again')).toBe(false);
  });
});
