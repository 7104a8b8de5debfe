import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PartnershipView } from '@tandem/shared/api';
import { readThreads, startThread } from '@tandem/shared/doc/threads';
import type { TandemServer } from '../src/server';
import { migrateStorage, TargetNotEmptyError } from '../src/storage/migrateStorage';
import { freezeAgreement } from './agreementFlow';
import { connectClient, startTestServer, synced, tempDataDir, waitFor } from './helpers';
import { call, type Person, twoSchools } from './people';
import { freshPostgres } from './postgres';

async function signedPdf(base: string, id: string, person: Person): Promise<Buffer> {
  const res = await fetch(`${base}/api/partnerships/${id}/agreement.pdf`, {
    headers: { Cookie: person.cookie },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** An SQLite installation moves to PostgreSQL whole: the server starts on it as before. */
describe('npm run migrate-storage', () => {
  let server: TandemServer | null = null;
  const drops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await server?.close();
    server = null;
    for (const drop of drops.splice(0)) await drop();
  });

  it('moves a signed agreement, comments and an itinerary, and the PDF still verifies', async () => {
    const dataDir = tempDataDir();
    server = await startTestServer(dataDir, { databaseUrl: null });
    const base = `http://127.0.0.1:${server.port}`;
    const { id, coordinatorA, coordinatorB } = await twoSchools(base);
    const { hash } = await freezeAgreement(base, server.port, id, coordinatorA, coordinatorB);
    for (const person of [coordinatorA, coordinatorB]) {
      const signature = {
        name: 'Principal',
        title: 'Principal',
        typed: 'P',
        consent: true,
        hash,
        language: 'en',
      };
      await call(base, 'POST', `/api/partnerships/${id}/signing/signatures`, signature, person);
    }
    const before = await signedPdf(base, id, coordinatorA);
    const view = (await call(base, 'GET', `/api/partnerships/${id}`, undefined, coordinatorA))
      .body as PartnershipView;
    const threads = new Y.Doc();
    const provider = connectClient(server.port, `${id}/agreement.threads`, coordinatorA, threads);
    await synced(provider);
    startThread(
      threads,
      { id: 't1', target: { clauseId: 'purpose', lang: 'en' }, anchor: null },
      {
        id: 'c1',
        authorId: view.you.memberId,
        body: 'Kept across the move',
        mentions: [],
        at: Date.now(),
        timeZone: 'UTC',
      },
    );
    const leg = connectClient(server.port, `${id}/itinerary.A`, coordinatorA);
    await synced(leg);
    await new Promise((resolve) => setTimeout(resolve, 300));
    provider.destroy();
    leg.destroy();
    await server.close();
    server = null;

    const { url, drop } = await freshPostgres();
    drops.push(drop);
    const file = path.join(dataDir, 'tandem.sqlite');
    const report = await migrateStorage(file, url);
    expect(report.rows.signatures).toBe(2);
    expect(report.documents).toBeGreaterThanOrEqual(3);
    // A second run into the now filled database is refused, changing nothing.
    await expect(migrateStorage(file, url)).rejects.toBeInstanceOf(TargetNotEmptyError);

    server = await startTestServer(dataDir, { databaseUrl: url });
    const moved = `http://127.0.0.1:${server.port}`;
    const after = await signedPdf(moved, id, coordinatorA);
    expect(after.equals(before)).toBe(true);
    const verified = (await (
      await fetch(`${moved}/api/verify`, {
        method: 'POST',
        body: new Uint8Array(after),
        headers: { 'Content-Type': 'application/pdf' },
      })
    ).json()) as { valid: boolean; hashMatches: boolean };
    expect(verified).toMatchObject({ valid: true, hashMatches: true });
    const reader = new Y.Doc();
    const again = connectClient(server.port, `${id}/agreement.threads`, coordinatorB, reader);
    await synced(again);
    await waitFor(() => readThreads(reader).length === 1, 'the thread after the move');
    expect(readThreads(reader)[0]?.comments[0]?.body).toBe('Kept across the move');
    again.destroy();
  });
});
