import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { getClauseText } from '@tandem/shared/doc/agreement';
import { plainText } from '@tandem/shared/doc/fingerprint';
import { MessageType } from '@tandem/shared/protocol';
import type { TandemServer } from '../src/server';
import {
  connectClient,
  startTestServer,
  stubbornSocket,
  synced,
  tempDataDir,
  waitFor,
} from './helpers';
import { freezeAgreement } from './agreementFlow';
import { type Person, call, createPartnership, invite, join, signUp, twoSchools } from './people';

/** The agreement as a fresh reader sees it from the server. */
async function readAgreement(port: number, id: string, person: Person): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const provider = connectClient(port, `${id}/agreement`, person, doc);
  await synced(provider);
  provider.destroy();
  return doc;
}

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Appends a paragraph to the English purpose clause; returns the update. */
function appendParagraph(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array = new Uint8Array();
  const capture = (update: Uint8Array) => (captured = update);
  doc.on('update', capture);
  // The teacher is of school B, which writes the Chinese version.
  const fragment = getClauseText(doc, 'purpose', 'zh-Hans');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
  doc.off('update', capture);
  return captured;
}

describe('one school cannot take over the other', () => {
  let server: TandemServer;
  let base: string;
  let id: string;
  let coordinatorA: Person;
  let coordinatorB: Person;

  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
    ({ id, coordinatorA, coordinatorB } = await twoSchools(base));
  });
  afterAll(() => server.close());

  const members = async (person: Person) =>
    (
      (await call(base, 'GET', `/api/partnerships/${id}`, undefined, person)).body as {
        members: { id: string; name: string; side: string; role: string }[];
      }
    ).members;

  it('refuses a kept partner-coordinator link once the other school has its coordinator', async () => {
    const { id: fresh, coordinatorA: a } = await createPartnership(base);
    const sent = await invite(base, a, fresh, 'B', 'coordinator');
    const kept = await invite(base, a, fresh, 'B', 'coordinator');
    const realB = await signUp(base, 'Real B');
    expect((await call(base, 'POST', `/api/invites/${sent}/accept`, undefined, realB)).status).toBe(
      200,
    );
    const secondAccount = await signUp(base, 'A in disguise');
    const preview = await call(base, 'GET', `/api/invites/${kept}`);
    expect(preview.body).toMatchObject({ state: 'revoked' });
    const accepted = await call(
      base,
      'POST',
      `/api/invites/${kept}/accept`,
      undefined,
      secondAccount,
    );
    expect(accepted.status).toBe(410);
    expect(accepted.body).toMatchObject({ error: { code: 'INVITE_REVOKED' } });
    const view = await call(base, 'GET', `/api/partnerships/${fresh}`, undefined, secondAccount);
    expect(view.status).toBe(403);
  });

  it('lists a school’s open invitations to its coordinators and lets them revoke one', async () => {
    const token = await invite(base, coordinatorB, id, 'B', 'teacher');
    const listed = await call(
      base,
      'GET',
      `/api/partnerships/${id}/invites`,
      undefined,
      coordinatorB,
    );
    expect(listed.status).toBe(200);
    const open = listed.body as { id: string; role: string; side: string; createdBy: string }[];
    const mine = open.find((i) => i.role === 'teacher');
    expect(mine).toMatchObject({ side: 'B', createdBy: 'coordinator B' });
    // The other school sees none of B's invitations and cannot revoke them.
    const seenByA = (
      await call(base, 'GET', `/api/partnerships/${id}/invites`, undefined, coordinatorA)
    ).body as { id: string }[];
    expect(seenByA.map((i) => i.id)).not.toContain(mine?.id);
    const byA = await call(
      base,
      'DELETE',
      `/api/partnerships/${id}/invites/${mine?.id}`,
      undefined,
      coordinatorA,
    );
    expect(byA.status).toBe(404);
    const teacher = await join(base, coordinatorB, id, 'B', 'teacher');
    const byTeacher = await call(
      base,
      'GET',
      `/api/partnerships/${id}/invites`,
      undefined,
      teacher,
    );
    expect(byTeacher.status).toBe(403);

    const revoked = await call(
      base,
      'DELETE',
      `/api/partnerships/${id}/invites/${mine?.id}`,
      undefined,
      coordinatorB,
    );
    expect(revoked.status).toBe(204);
    const late = await signUp(base, 'Late teacher');
    const accepted = await call(base, 'POST', `/api/invites/${token}/accept`, undefined, late);
    expect(accepted.body).toMatchObject({ error: { code: 'INVITE_REVOKED' } });
    const after = (
      await call(base, 'GET', `/api/partnerships/${id}/invites`, undefined, coordinatorB)
    ).body as { id: string }[];
    expect(after.map((i) => i.id)).not.toContain(mine?.id);
  });

  it('revokes what a removed member made, and lets them back only through a newer invitation', async () => {
    // B gets a second coordinator, who keeps an old link of their own and one they made.
    const oldLink = await invite(base, coordinatorB, id, 'B', 'coordinator');
    const second = await signUp(base, 'Second B');
    expect(
      (await call(base, 'POST', `/api/invites/${oldLink}/accept`, undefined, second)).status,
    ).toBe(200);
    const made = await invite(base, second, id, 'B', 'coordinator');
    const spare = await invite(base, coordinatorB, id, 'B', 'coordinator', { maxUses: 5 });
    const secondId = (await members(coordinatorB)).find((m) => m.name === 'Second B')?.id;
    const removed = await call(
      base,
      'DELETE',
      `/api/partnerships/${id}/members/${secondId}`,
      undefined,
      coordinatorB,
    );
    expect(removed.status).toBe(204);

    // The invitation the removed member made is dead, for anyone.
    const stranger = await signUp(base, 'Stranger');
    expect(
      (await call(base, 'POST', `/api/invites/${made}/accept`, undefined, stranger)).body,
    ).toMatchObject({ error: { code: 'INVITE_REVOKED' } });
    // A link made before the removal does not bring them back.
    const back = await call(base, 'POST', `/api/invites/${spare}/accept`, undefined, second);
    expect(back.body).toMatchObject({ error: { code: 'INVITE_REVOKED' } });
    expect((await call(base, 'GET', `/api/partnerships/${id}`, undefined, second)).status).toBe(
      403,
    );
    // So they cannot remove the coordinator who removed them.
    const bId = (await members(coordinatorB)).find((m) => m.name === 'coordinator B')?.id;
    expect(
      (await call(base, 'DELETE', `/api/partnerships/${id}/members/${bId}`, undefined, second))
        .status,
    ).toBe(403);
    // A new invitation, made after the removal, does.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const fresh = await invite(base, coordinatorB, id, 'B', 'teacher');
    const rejoined = await call(base, 'POST', `/api/invites/${fresh}/accept`, undefined, second);
    expect(rejoined.body).toMatchObject({ side: 'B', role: 'teacher' });
  });

  it('applies no frame of a removed member, and cuts a socket that ignores the close', async () => {
    const before = new Set((await members(coordinatorB)).map((m) => m.id));
    const teacher = await join(base, coordinatorB, id, 'B', 'teacher');
    const teacherId = (await members(coordinatorB)).find((m) => !before.has(m.id))?.id;
    const doc = await readAgreement(server.port, id, teacher);
    const raw = await stubbornSocket(server.port, `${id}/agreement`, teacher.cookie);
    raw.send(updateFrame(appendParagraph(doc, 'Written before removal.')));
    await waitFor(
      async () =>
        plainText(
          getClauseText(await readAgreement(server.port, id, coordinatorA), 'purpose', 'zh-Hans'),
        ).includes('Written before removal.'),
      'the first edit to be stored',
    );
    // Keep writing while the removal happens, and after.
    let sent = 0;
    const writer = setInterval(
      () => raw.send(updateFrame(appendParagraph(doc, `After ${++sent}.`))),
      20,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const removedAt = Date.now();
    clearInterval(writer);
    const frozenCount = sent;
    const tail = setInterval(
      () => raw.send(updateFrame(appendParagraph(doc, `Late ${++sent}.`))),
      20,
    );
    const res = await call(
      base,
      'DELETE',
      `/api/partnerships/${id}/members/${teacherId}`,
      undefined,
      coordinatorB,
    );
    expect(res.status).toBe(204);
    await raw.ended;
    clearInterval(tail);
    expect(Date.now() - removedAt).toBeLessThan(2_500);
    const text = plainText(
      getClauseText(await readAgreement(server.port, id, coordinatorA), 'purpose', 'zh-Hans'),
    );
    expect(text).not.toContain('Late');
    expect(frozenCount).toBeGreaterThan(0);
  });

  it('refuses changes to a school’s name or language once the agreement is frozen', async () => {
    const { id: fresh, coordinatorA: a, coordinatorB: b } = await twoSchools(base);
    const schoolOf = async () =>
      (
        (await call(base, 'GET', `/api/partnerships/${fresh}`, undefined, a)).body as {
          sides: { A: Record<string, unknown> };
        }
      ).sides.A;
    await freezeAgreement(base, server.port, fresh, a, b);
    const school = await schoolOf();
    for (const change of [{ language: 'fr' }, { name: 'Another name' }]) {
      const res = await call(
        base,
        'PATCH',
        `/api/partnerships/${fresh}/sides/A`,
        { ...school, ...change },
        a,
      );
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: { code: 'AGREEMENT_FROZEN' } });
    }
    expect(await schoolOf()).toEqual(school);
    const clauses = (
      await call(base, 'GET', `/api/partnerships/${fresh}/agreement/clauses`, undefined, a)
    ).body as { status: string }[];
    expect(clauses.map((c) => c.status)).not.toContain('untranslated');
    // Details that the agreement does not hold still change.
    const hours = await call(
      base,
      'PATCH',
      `/api/partnerships/${fresh}/sides/A`,
      { ...school, city: 'Salem' },
      a,
    );
    expect(hours.status).toBe(200);
  });
});
