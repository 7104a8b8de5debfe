import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getClauseText } from '@tandem/shared/doc/agreement';
import type { TandemServer } from '../src/server';
import { connectClient, startTestServer, synced, tempDataDir, waitFor } from './helpers';
import { type Person, call, join, twoSchools } from './people';

interface PromptView {
  id: string;
  key: string;
  params: Record<string, string | number>;
  dismissed?: { reason: string };
}

describe('reciprocity prompts from the server', () => {
  let server: TandemServer;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => server.close());

  const prompts = async (id: string, person: Person) =>
    (await call(base, 'GET', `/api/partnerships/${id}/prompts`, undefined, person))
      .body as PromptView[];

  async function type(id: string, person: Person, lang: string, text: string) {
    const doc = new Y.Doc();
    const provider = connectClient(server.port, `${id}/agreement`, person, doc);
    await synced(provider);
    const fragment = getClauseText(doc, 'purpose', lang);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    fragment.insert(fragment.length, [p]);
    await waitFor(
      () => provider.synced && doc.getXmlFragment(`c/purpose/${lang}`).length > 0,
      'typing',
    );
    return provider;
  }

  it('fires R-authorship when one side wrote nine tenths, for that partnership only', async () => {
    const lopsided = await twoSchools(base);
    const balanced = await twoSchools(base);
    const providers = [
      // Words, as each language splits them: "school" and "学校" are one word each.
      await type(lopsided.id, lopsided.coordinatorA, 'en', 'school '.repeat(90)),
      await type(lopsided.id, lopsided.coordinatorB, 'zh-Hans', '学校'.repeat(10)),
      await type(balanced.id, balanced.coordinatorA, 'en', 'school '.repeat(50)),
      await type(balanced.id, balanced.coordinatorB, 'zh-Hans', '学校'.repeat(50)),
    ];
    await waitFor(async () => {
      const res = await call(
        base,
        'GET',
        `/api/partnerships/${lopsided.id}/authorship`,
        undefined,
        lopsided.coordinatorB,
      );
      return (res.body as { A: number; B: number }).B >= 10;
    }, 'the server to attribute both sides');
    const fired = (await prompts(lopsided.id, lopsided.coordinatorB)).find(
      (p) => p.id === 'R-authorship',
    );
    expect(fired?.params).toEqual({ side: 'A', percent: 90 });
    expect(
      (await prompts(balanced.id, balanced.coordinatorA)).some((p) => p.id === 'R-authorship'),
    ).toBe(false);
    for (const p of providers) p.destroy();
  });

  it('lets staff dismiss a prompt for both sides with a reason, and bring it back', async () => {
    const { id, coordinatorA, coordinatorB } = await twoSchools(base);
    const parent = await join(base, coordinatorB, id, 'B', 'host-parent');
    const continuity = (await prompts(id, coordinatorA)).find((p) => p.key === 'R-continuity:A');
    expect(continuity).toBeDefined();
    const path = `/api/partnerships/${id}/prompts/R-continuity:A/dismissal`;
    expect(
      (await call(base, 'POST', path, { reason: 'Our principal joins next week.' }, parent)).status,
    ).toBe(403);
    expect((await call(base, 'POST', path, { reason: '' }, coordinatorA)).status).toBe(400);
    expect(
      (await call(base, 'POST', path, { reason: 'Our principal joins next week.' }, coordinatorA))
        .status,
    ).toBe(200);
    const seenByB = (await prompts(id, coordinatorB)).find((p) => p.key === 'R-continuity:A');
    expect(seenByB?.dismissed?.reason).toBe('Our principal joins next week.');
    expect((await call(base, 'DELETE', path, undefined, coordinatorB)).status).toBe(204);
    expect(
      (await prompts(id, coordinatorA)).find((p) => p.key === 'R-continuity:A')?.dismissed,
    ).toBeUndefined();
  });
});
