import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_NAMES } from '@tandem/shared/doc/documents';
import type { TandemServer } from '../src/server';
import { openDatabase } from '../src/storage/sqlite/database';
import { SqliteDocumentStore } from '../src/storage/sqlite/SqliteDocumentStore';
import {
  emptyReport,
  everyDocumentLoads,
  type FuzzTarget,
  fuzzBodies,
  fuzzPresence,
  fuzzUpdates,
} from './fuzz/harness';
import { startTestServer, tempDataDir } from './helpers';
import { join, twoSchools } from './people';

/**
 * A short run of the property-based fuzzer (fast-check) against a real server: structure-aware
 * sync updates for every document, presence frames and JSON bodies for every route.
 * `npm run fuzz` runs the long one.
 */
describe('fuzzing', () => {
  let server: TandemServer;
  let dataDir: string;
  let target: FuzzTarget;

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startTestServer(dataDir);
    const base = `http://127.0.0.1:${server.port}`;
    const { id, coordinatorA, coordinatorB } = await twoSchools(base);
    const host = await join(base, coordinatorB, id, 'B', 'host-parent');
    target = { port: server.port, base, id, people: [coordinatorA, coordinatorB, host] };
  });
  afterAll(() => server.close());

  it('stays up and consistent under generated updates, presence and bodies', async () => {
    const report = emptyReport();
    await fuzzUpdates(target, 3_000, 1, report);
    await fuzzPresence(target, 1_000, 2, report);
    await fuzzBodies(target, 20, 3, report);
    expect(report.serverErrors.slice(0, 10)).toEqual([]);
    expect((await fetch(`${target.base}/api/health`)).status).toBe(200);
    await everyDocumentLoads(target);
    await server.close();
    // What is stored loads on its own, as after a restart.
    const store = new SqliteDocumentStore(openDatabase(dataDir));
    for (const document of DOCUMENT_NAMES) {
      const stored = await store.load(`${target.id}/${document}`);
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    }
    server = await startTestServer(dataDir);
    expect(path.isAbsolute(dataDir)).toBe(true);
  }, 120_000);
});
