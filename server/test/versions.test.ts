import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { VersionView } from '@tandem/shared/api';
import { getClauseText, listClauses } from '@tandem/shared/doc/agreement';
import { plainText } from '@tandem/shared/doc/fingerprint';
import type { AgreementText } from '@tandem/shared/doc/snapshot';
import type { TandemServer } from '../src/server';
import { connectClient, startTestServer, synced, tempDataDir, waitFor } from './helpers';
import { type Person, call, join, twoSchools } from './people';

describe('agreement versions', () => {
  let server: TandemServer;
  let base: string;
  let id: string;
  let coordinatorA: Person;
  let viewerB: Person;

  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
    let coordinatorB: Person;
    ({ id, coordinatorA, coordinatorB } = await twoSchools(base));
    viewerB = await join(base, coordinatorB, id, 'B', 'viewer');
  });
  afterAll(() => server.close());

  const path = (rest = '') => `/api/partnerships/${id}/agreement/versions${rest}`;

  async function edit(text: string): Promise<void> {
    const doc = new Y.Doc();
    const provider = connectClient(server.port, `${id}/agreement`, coordinatorA, doc);
    await synced(provider);
    const fragment = getClauseText(doc, 'purpose', 'en');
    doc.transact(() => {
      fragment.delete(0, fragment.length);
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      fragment.insert(0, [p]);
    });
    provider.destroy();
    // The last person leaving keeps an automatic version.
    await waitFor(() => server.registry.size === 0, 'the room to unload');
  }

  it('keeps automatic and named versions, shows one, and restores it as a new edit', async () => {
    await edit('First draft');
    const named = await call(base, 'POST', path(), { name: 'Before the call' }, coordinatorA);
    expect(named.status).toBe(201);
    const version = named.body as VersionView;
    expect(version).toMatchObject({
      kind: 'named',
      name: 'Before the call',
      createdBy: 'Ana Coordinator',
    });
    await edit('Second draft');

    const list = (await call(base, 'GET', path(), undefined, viewerB)).body as VersionView[];
    expect(list.map((v) => v.kind)).toEqual(['auto', 'named', 'auto']);

    const shown = (await call(base, 'GET', path(`/${version.id}`), undefined, viewerB))
      .body as AgreementText;
    expect(shown.languages).toEqual(['en', 'zh-Hans']);
    expect(shown.clauses[0]).toMatchObject({
      id: 'purpose',
      text: { en: 'First draft', 'zh-Hans': '' },
    });

    expect((await call(base, 'POST', path(`/${version.id}/restore`), {}, viewerB)).status).toBe(
      403,
    );
    const restored = await call(base, 'POST', path(`/${version.id}/restore`), {}, coordinatorA);
    expect(restored.status).toBe(200);

    const doc = new Y.Doc();
    const provider = connectClient(server.port, `${id}/agreement`, viewerB, doc);
    await synced(provider);
    expect(plainText(getClauseText(doc, 'purpose', 'en'))).toBe('First draft');
    expect(listClauses(doc)).toHaveLength(12);
    provider.destroy();
    const after = (await call(base, 'GET', path(), undefined, viewerB)).body as VersionView[];
    // What the restore replaced stays one click away.
    expect(after.map((v) => v.kind)).toContain('before-restore');
  });

  it('keeps an automatic version after ten minutes of editing, while people are still in', async () => {
    const doc = new Y.Doc();
    const provider = connectClient(server.port, `${id}/agreement`, coordinatorA, doc);
    await synced(provider);
    const autos = async () =>
      ((await call(base, 'GET', path(), undefined, coordinatorA)).body as VersionView[]).filter(
        (v) => v.kind === 'auto',
      ).length;
    const type = (text: string) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      getClauseText(doc, 'purpose', 'en').insert(0, [p]);
    };
    type('start');
    const before = await autos();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = Date.now();
    const later = vi.spyOn(Date, 'now').mockImplementation(() => now + 11 * 60_000);
    try {
      type('ten minutes on');
      await waitFor(async () => (await autos()) === before + 1, 'an automatic version');
      expect(server.registry.size).toBeGreaterThan(0);
    } finally {
      later.mockRestore();
      provider.destroy();
      await waitFor(() => server.registry.size === 0, 'the room to unload');
    }
  });

  it('refuses bad names and unknown versions clearly', async () => {
    const blank = await call(base, 'POST', path(), { name: '  ' }, coordinatorA);
    expect(blank.status).toBe(400);
    expect((await call(base, 'GET', path('/nope'), undefined, coordinatorA)).status).toBe(404);
    expect((await call(base, 'POST', path('/nope/restore'), {}, coordinatorA)).status).toBe(404);
  });
});
