import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getClauseText } from '@tandem/shared/doc/agreement';
import { MACHINE_MARK } from '@tandem/shared/doc/machineText';
import type { TandemServer } from '../src/server';
import { connectClient, startTestServer, synced, tempDataDir, waitFor } from './helpers';
import { call, twoSchools, type Person } from './people';

/**
 * P10: machine translation is never the final word. A clause whose text still carries the
 * machine mark (however it got there: the editor, or an update crafted with Yjs) cannot be
 * marked aligned, so it cannot be approved or signed, until a person takes the mark off.
 */
describe('machine-translated clause text', () => {
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

  async function write(person: Person, lang: string, text: string, isMachine: boolean) {
    const doc = new Y.Doc();
    const provider = connectClient(server.port, `${id}/agreement`, person, doc);
    await synced(provider);
    const fragment = getClauseText(doc, 'purpose', lang);
    doc.transact(() => {
      fragment.delete(0, fragment.length);
      const paragraph = new Y.XmlElement('paragraph');
      const content = new Y.XmlText();
      content.insert(0, text, isMachine ? { [MACHINE_MARK]: { from: 'en' } } : {});
      paragraph.insert(0, [content]);
      fragment.insert(0, [paragraph]);
    });
    return { doc, provider };
  }

  const clauseStatus = async () => {
    const res = await call(
      base,
      'GET',
      `/api/partnerships/${id}/agreement/clauses`,
      undefined,
      coordinatorA,
    );
    return (res.body as { id: string; status: string; language?: string }[]).find(
      (c) => c.id === 'purpose',
    );
  };

  it('refuses to align while machine text is unconfirmed, and aligns once a person removed it', async () => {
    const english = await write(coordinatorA, 'en', 'Both schools learn together.', false);
    const chinese = await write(coordinatorB, 'zh-Hans', '两所学校一起学习。', true);
    await waitFor(async () => (await clauseStatus())?.status === 'machine', 'machine status');
    expect(await clauseStatus()).toMatchObject({ status: 'machine', language: 'zh-Hans' });

    for (const person of [coordinatorA, coordinatorB]) {
      const refused = await call(
        base,
        'POST',
        `/api/partnerships/${id}/agreement/clauses/purpose/align`,
        {},
        person,
      );
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ error: { code: 'CLAUSE_MACHINE_TEXT' } });
    }
    // The prompts do not count it as the school's version either.
    const prompts = await call(
      base,
      'GET',
      `/api/partnerships/${id}/prompts`,
      undefined,
      coordinatorA,
    );
    expect(JSON.stringify(prompts.body)).toContain('R-language-missing');

    // The Chinese school confirms its text: the mark goes, the clause can be aligned.
    const text = getClauseText(chinese.doc, 'purpose', 'zh-Hans').get(0) as Y.XmlElement;
    const content = text.get(0) as Y.XmlText;
    chinese.doc.transact(() => content.format(0, content.length, { [MACHINE_MARK]: null }));
    await waitFor(async () => (await clauseStatus())?.status === 'never-aligned', 'confirmed');
    const aligned = await call(
      base,
      'POST',
      `/api/partnerships/${id}/agreement/clauses/purpose/align`,
      {},
      coordinatorA,
    );
    expect(aligned.status).toBe(200);
    english.provider.destroy();
    chinese.provider.destroy();
  });
});
