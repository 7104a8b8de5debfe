import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ClauseView } from '@tandem/shared/api';
import { getClauseText, languagesOf, listClauses } from '@tandem/shared/doc/agreement';
import { TEMPLATE_KINDS } from '@tandem/shared/doc/agreementSchema';
import { plainText } from '@tandem/shared/doc/fingerprint';
import { alignmentOf, approvalsOf } from '@tandem/shared/doc/status';
import type { TandemServer } from '../src/server';
import { connectClient, startTestServer, synced, tempDataDir, waitFor } from './helpers';
import { type Person, call, join, twoSchools } from './people';

function write(doc: Y.Doc, clauseId: string, lang: string, text: string): void {
  const fragment = getClauseText(doc, clauseId, lang);
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    fragment.insert(0, [p]);
  });
}

describe('the agreement, seeded and tracked by the server', () => {
  let server: TandemServer;
  let dataDir: string;
  let base: string;
  let id: string;
  let coordinatorA: Person;
  let coordinatorB: Person;
  let leaderB: Person;
  let teacherA: Person;
  let hostParentA: Person;
  const providers: { destroy(): void }[] = [];

  async function open(person: Person, document = 'agreement'): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const provider = connectClient(server.port, `${id}/${document}`, person, doc);
    providers.push(provider);
    await synced(provider);
    return doc;
  }

  async function clauses(person: Person): Promise<ClauseView[]> {
    const res = await call(
      base,
      'GET',
      `/api/partnerships/${id}/agreement/clauses`,
      undefined,
      person,
    );
    expect(res.status).toBe(200);
    return res.body as ClauseView[];
  }
  const clause = async (person: Person, clauseId: string) =>
    (await clauses(person)).find((c) => c.id === clauseId);
  const act = (person: Person, clauseId: string, action: 'align' | 'approve') =>
    call(
      base,
      'POST',
      `/api/partnerships/${id}/agreement/clauses/${clauseId}/${action}`,
      {},
      person,
    );

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startTestServer(dataDir);
    base = `http://127.0.0.1:${server.port}`;
    ({ id, coordinatorA, coordinatorB } = await twoSchools(base));
    leaderB = await join(base, coordinatorB, id, 'B', 'leader');
    teacherA = await join(base, coordinatorA, id, 'A', 'teacher');
    hostParentA = await join(base, coordinatorA, id, 'A', 'host-parent');
  });
  afterAll(async () => {
    for (const p of providers) p.destroy();
    await server.close();
  });

  it('seeds the template once, even when two people open a new agreement at the same time', async () => {
    const [a, b] = await Promise.all([open(coordinatorA), open(coordinatorB)]);
    for (const doc of [a, b]) {
      expect(listClauses(doc).map((c) => c.kind)).toEqual([...TEMPLATE_KINDS]);
      expect(doc.getMap('clauses').size).toBe(TEMPLATE_KINDS.length);
    }
    expect(listClauses(a)[0]?.title).toEqual({
      en: 'Purpose of the partnership',
      'zh-Hans': '合作目的',
    });
    for (const p of providers.splice(0)) p.destroy();
    await waitFor(() => server.registry.size === 0, 'rooms to unload');
    await server.close();
    server = await startTestServer(dataDir);
    base = `http://127.0.0.1:${server.port}`;
    const again = await open(teacherA);
    expect(again.getMap('clauses').size).toBe(TEMPLATE_KINDS.length);
    expect((await clauses(coordinatorA)).map((c) => c.status)).toEqual(
      TEMPLATE_KINDS.map(() => 'empty'),
    );
  });

  it('tracks drift: align, change one side, see the other may be outdated, realign', async () => {
    const docA = await open(coordinatorA);
    const docB = await open(coordinatorB);
    const statusB = await open(coordinatorB, 'status');
    write(docA, 'purpose', 'en', 'We learn together.');
    await waitFor(() => getClauseText(docB, 'purpose', 'en').length > 0, 'text to reach B');
    expect(await clause(coordinatorB, 'purpose')).toMatchObject({
      status: 'untranslated',
      language: 'zh-Hans',
    });
    expect((await act(coordinatorB, 'purpose', 'align')).body).toMatchObject({
      error: { code: 'CLAUSE_UNTRANSLATED' },
    });

    write(docB, 'purpose', 'zh-Hans', '我们一起学习。');
    await waitFor(() => getClauseText(docA, 'purpose', 'zh-Hans').length > 0, 'text to reach A');
    expect((await clause(coordinatorA, 'purpose'))?.status).toBe('never-aligned');
    const aligned = await act(coordinatorB, 'purpose', 'align');
    expect(aligned.status).toBe(200);
    expect(aligned.body).toMatchObject({ status: 'aligned' });
    // Everyone learns of it live, through the status document only the server writes.
    await waitFor(() => alignmentOf(statusB, 'purpose') !== undefined, 'alignment to reach B');
    expect(alignmentOf(statusB, 'purpose')?.versions.en?.text).toBe('We learn together.');

    write(docA, 'purpose', 'en', 'We learn together, in both schools.');
    await waitFor(() => plainText(getClauseText(docB, 'purpose', 'en')).includes('both'), 'edit');
    expect(await clause(coordinatorB, 'purpose')).toMatchObject({
      status: 'outdated',
      language: 'zh-Hans',
    });
    write(docB, 'purpose', 'zh-Hans', '我们在两所学校一起学习。');
    await waitFor(() => plainText(getClauseText(docA, 'purpose', 'zh-Hans')).includes('两所'), 'B');
    expect((await clause(coordinatorA, 'purpose'))?.status).toBe('both-changed');
    expect((await act(teacherA, 'purpose', 'align')).status).toBe(200);
    expect((await clause(coordinatorA, 'purpose'))?.status).toBe('aligned');
  });

  it('lets coordinators and leaders approve an aligned clause, until its text changes', async () => {
    const docA = await open(coordinatorA);
    const statusA = await open(coordinatorA, 'status');
    expect((await act(coordinatorA, 'goals', 'approve')).body).toMatchObject({
      error: { code: 'CLAUSE_NOT_ALIGNED' },
    });
    expect((await act(teacherA, 'purpose', 'approve')).status).toBe(403);
    expect((await act(hostParentA, 'purpose', 'align')).status).toBe(403);
    expect((await act(coordinatorA, 'nope', 'align')).status).toBe(404);

    expect((await act(coordinatorA, 'purpose', 'approve')).status).toBe(200);
    const approved = await act(leaderB, 'purpose', 'approve');
    expect(approved.body).toMatchObject({ approvals: { A: true, B: true } });
    await waitFor(() => approvalsOf(statusA, 'purpose').B !== undefined, 'approval to reach A');

    write(docA, 'purpose', 'en', 'A new sentence.');
    await waitFor(
      async () => (await clause(coordinatorA, 'purpose'))?.approvals.A === false,
      'approval to stop counting',
    );
    expect(await clause(coordinatorA, 'purpose')).toMatchObject({
      status: 'outdated',
      approvals: { A: false, B: false },
    });
  });

  it('refuses people outside the partnership', async () => {
    const { coordinatorA: stranger } = await twoSchools(base);
    const res = await call(
      base,
      'GET',
      `/api/partnerships/${id}/agreement/clauses`,
      undefined,
      stranger,
    );
    expect(res.status).toBe(403);
    expect((await act(stranger, 'purpose', 'align')).status).toBe(403);
  });
});

describe('a school changing its language', () => {
  it('gives the agreement a column in the new language, with the template in it', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir);
    const base = `http://127.0.0.1:${server.port}`;
    const { id, coordinatorB } = await twoSchools(base);
    const school = {
      name: 'Lycée Jean Moulin',
      city: 'Lyon',
      country: 'FR',
      timeZone: 'Europe/Paris',
      language: 'fr',
    };
    const doc = new Y.Doc();
    const provider = connectClient(server.port, `${id}/agreement`, coordinatorB, doc);
    await synced(provider);
    expect(languagesOf(doc)).toEqual(['en', 'zh-Hans']);
    expect(
      (await call(base, 'PATCH', `/api/partnerships/${id}/sides/B`, school, coordinatorB)).status,
    ).toBe(200);
    await waitFor(() => languagesOf(doc).includes('fr'), 'the French column');
    expect(languagesOf(doc)).toEqual(['en', 'fr']);
    expect(listClauses(doc)[0]?.title).toMatchObject({
      en: 'Purpose of the partnership',
      fr: 'Objet du partenariat',
    });
    provider.destroy();
    await server.close();
  });
});
