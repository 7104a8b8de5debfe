import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_NAMES } from '@tandem/shared/doc/documents';
import { readThreads, startThread } from '@tandem/shared/doc/threads';
import type { PartnershipView } from '@tandem/shared/api';
import type { TandemServer } from '../src/server';
import { freezeAgreement } from './agreementFlow';
import { connectClient, startTestServer, synced, tempDataDir } from './helpers';
import { call, join, PASSWORD, type Person, signUp, twoSchools } from './people';
import { freshPostgres } from './postgres';
import { runCommand } from './processes';

const servers: TandemServer[] = [];
const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const drop of drops.splice(0)) await drop();
});

async function started(dataDir: string, databaseUrl: string | null) {
  const server = await startTestServer(dataDir, { databaseUrl });
  servers.push(server);
  return { server, base: `http://127.0.0.1:${server.port}` };
}

async function download(base: string, id: string, person: Person | null) {
  return fetch(`${base}/api/partnerships/${id}/export`, {
    headers: person ? { Cookie: person.cookie } : {},
  });
}

async function verify(base: string, pdf: Uint8Array<ArrayBuffer>) {
  const res = await fetch(`${base}/api/verify`, {
    method: 'POST',
    body: pdf,
    headers: { 'Content-Type': 'application/pdf' },
  });
  return (await res.json()) as { valid: boolean; hashMatches: boolean; seal: string };
}

/** Every document of the partnership as the server sends it. */
async function documentsOf(port: number, id: string, person: Person): Promise<Map<string, Y.Doc>> {
  const docs = new Map<string, Y.Doc>();
  for (const name of DOCUMENT_NAMES) {
    const provider = connectClient(port, `${id}/${name}`, person);
    await synced(provider);
    docs.set(name, provider.doc);
    provider.destroy();
  }
  return docs;
}

/** A signed agreement with a comment, an itinerary edit and a draft typed after signing. */
async function signedPartnership(base: string, port: number) {
  const { id, coordinatorA, coordinatorB } = await twoSchools(base);
  const { hash } = await freezeAgreement(base, port, id, coordinatorA, coordinatorB);
  for (const person of [coordinatorA, coordinatorB]) {
    const signature = {
      name: 'P',
      title: 'Principal',
      typed: 'P',
      consent: true,
      hash,
      language: 'en',
    };
    await call(base, 'POST', `/api/partnerships/${id}/signing/signatures`, signature, person);
  }
  const view = (await call(base, 'GET', `/api/partnerships/${id}`, undefined, coordinatorA))
    .body as PartnershipView;
  const threads = connectClient(port, `${id}/agreement.threads`, coordinatorA);
  await synced(threads);
  startThread(
    threads.doc,
    { id: 't1', target: { clauseId: 'purpose', lang: 'en' }, anchor: null },
    {
      id: 'c1',
      authorId: view.you.memberId,
      body: 'Taken along',
      mentions: [],
      at: Date.now(),
      timeZone: 'UTC',
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  threads.destroy();
  const pdf = await fetch(`${base}/api/partnerships/${id}/agreement.pdf`, {
    headers: { Cookie: coordinatorA.cookie },
  });
  expect(pdf.status).toBe(200);
  return { id, coordinatorA, coordinatorB, pdf: new Uint8Array(await pdf.arrayBuffer()) };
}

describe('one partnership in one file', () => {
  it('moves from SQLite to PostgreSQL whole, and its signed PDF verifies there', async () => {
    const sourceDir = tempDataDir();
    const source = await started(sourceDir, null);
    const { id, coordinatorA, coordinatorB, pdf } = await signedPartnership(
      source.base,
      source.server.port,
    );
    const before = await documentsOf(source.server.port, id, coordinatorA);
    const versionsBefore = (
      await call(source.base, 'GET', `/api/partnerships/${id}/versions`, undefined, coordinatorA)
    ).body;

    // Either school's coordinators may take it; nobody else.
    const reader = await join(source.base, coordinatorA, id, 'A', 'host-parent');
    const outsider = await signUp(source.base, 'Outsider');
    expect((await download(source.base, id, null)).status).toBe(401);
    expect((await download(source.base, id, reader)).status).toBe(403);
    expect((await download(source.base, id, outsider)).status).toBe(403);
    const archive = await download(source.base, id, coordinatorB);
    expect(archive.status).toBe(200);
    expect(archive.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await archive.arrayBuffer());
    const text = zlib.gunzipSync(bytes).toString('utf8');
    // Accounts travel without password hashes; sessions and invitations not at all.
    expect(text).not.toContain('scrypt$');
    expect(text).not.toContain('"sessions"');
    expect(text).not.toContain('"invites"');
    const file = path.join(tempDataDir(), 'partnership.json.gz');
    fs.writeFileSync(file, bytes);

    // The target server already knows coordinator A by address; B is new there.
    const { url, drop } = await freshPostgres();
    drops.push(drop);
    const targetDir = tempDataDir();
    const target = await started(targetDir, url);
    const againA = await signUp(target.base, 'Ana again');
    const emailA = againA.email;
    await target.server.close();
    servers.pop();

    // coordinator A of the archive must be the account A on the target: same address.
    const archiveJson = JSON.parse(text) as { tables: { accounts: { rows: unknown[][] } } };
    const accountRow = archiveJson.tables.accounts.rows.find(
      (row) => row[1] === coordinatorA.email,
    );
    expect(accountRow).toBeDefined();
    if (accountRow) accountRow[1] = emailA;
    fs.writeFileSync(file, zlib.gzipSync(JSON.stringify(archiveJson)));

    const env = { DATA_DIR: targetDir, DATABASE_URL: url };
    const imported = await runCommand('importPartnershipCommand.ts', [file, '--trust-seal'], env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('1 people already had an account here');
    // A second import of the same partnership changes nothing.
    const twice = await runCommand('importPartnershipCommand.ts', [file], env);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('already has that partnership');

    const moved = await started(targetDir, url);
    const signedIn = await call(moved.base, 'POST', '/api/sessions', {
      email: emailA,
      password: PASSWORD,
    });
    expect(signedIn.status).toBe(200);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const ana: Person = { email: emailA, cookie, accountId: '' };
    const after = await documentsOf(moved.server.port, id, ana);
    for (const name of DOCUMENT_NAMES) {
      const [a, b] = [before.get(name), after.get(name)];
      expect(a && b && Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b)), name).toBe(true);
    }
    expect(readThreads(after.get('agreement.threads') as Y.Doc)[0]?.comments[0]?.body).toBe(
      'Taken along',
    );
    const versionsAfter = (
      await call(moved.base, 'GET', `/api/partnerships/${id}/versions`, undefined, ana)
    ).body;
    expect(versionsAfter).toEqual(versionsBefore);
    // The PDF signed on the other server verifies here, with its record.
    expect(await verify(moved.base, pdf)).toMatchObject({ valid: true, hashMatches: true });
    const pdfHere = await fetch(`${moved.base}/api/partnerships/${id}/agreement.pdf`, {
      headers: { Cookie: cookie },
    });
    expect(Buffer.from(await pdfHere.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    // The new account has no password until its owner sets one.
    const b = await call(moved.base, 'POST', '/api/sessions', {
      email: coordinatorB.email,
      password: PASSWORD,
    });
    expect(b.status).toBe(401);
    // The edits go on where they were.
    const writer = connectClient(moved.server.port, `${id}/itinerary.A`, ana);
    await synced(writer);
    writer.doc.getMap('check').set('x', 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    writer.destroy();
  });

  it('refuses what is not a whole archive of one partnership, writing nothing', async () => {
    const sourceDir = tempDataDir();
    const source = await started(sourceDir, null);
    const { id, coordinatorA, pdf } = await signedPartnership(source.base, source.server.port);
    const bytes = Buffer.from(await (await download(source.base, id, coordinatorA)).arrayBuffer());
    const json = () =>
      JSON.parse(zlib.gunzipSync(bytes).toString('utf8')) as {
        partnershipId: string;
        tables: Record<string, { columns: string[]; rows: unknown[][] }>;
      };
    const targetDir = tempDataDir();
    const env = { DATA_DIR: targetDir, DATABASE_URL: '' };
    const write = (value: unknown) => {
      const file = path.join(tempDataDir(), 'archive.json.gz');
      fs.writeFileSync(file, zlib.gzipSync(JSON.stringify(value)));
      return file;
    };
    const altered = json();
    const audit = altered.tables.audit_log;
    if (audit?.rows[0]) audit.rows[0][4] = '{"forged":true}';
    const otherDoc = json();
    const updates = otherDoc.tables.doc_updates;
    if (updates?.rows[0]) updates.rows[0][0] = 'AAAAAAAAAAAAAAAA/agreement';
    const foreignSide = json();
    const sides = foreignSide.tables.sides;
    if (sides?.rows[0]) sides.rows[0][0] = 'AAAAAAAAAAAAAAAA';
    const extraTable = {
      ...json(),
      tables: { ...json().tables, sessions: { columns: [], rows: [] } },
    };
    // A field the editor never writes, added to a document's log and to a stored version.
    const withRow = (table: string, row: (column: string) => unknown) => {
      const crafted = json();
      const spec = crafted.tables[table];
      spec?.rows.push(spec.columns.map(row));
      return crafted;
    };
    const healthUpdate = (() => {
      const doc = new Y.Doc();
      const item = new Y.Map<unknown>([['health', 'asthma']]);
      doc.getMap('items').set('crafted', item);
      return { $bytes: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') };
    })();
    const healthInLog = withRow('doc_updates', (column) =>
      column === 'doc'
        ? `${id}/itinerary.A`
        : column === 'seq'
          ? 999
          : column === 'data'
            ? healthUpdate
            : column === 'at'
              ? 1
              : null,
    );
    const healthInVersion = withRow('versions', (column) =>
      column === 'doc'
        ? `${id}/itinerary.A`
        : column === 'id'
          ? 'crafted'
          : column === 'state'
            ? healthUpdate
            : column === 'kind'
              ? 'named'
              : column === 'created_at'
                ? 1
                : column === 'name'
                  ? 'x'
                  : column === 'state_hash'
                    ? 'ab'
                    : null,
    );
    const garbage = path.join(tempDataDir(), 'notes.txt');
    fs.writeFileSync(garbage, 'hello');
    for (const [file, says] of [
      [write(altered), 'audit chain is broken'],
      [write(otherDoc), 'another partnership'],
      [write(foreignSide), 'another partnership'],
      [write(extraTable), 'unknown tables'],
      [write(healthInLog), 'itinerary.A: items/crafted/health is not an itinerary field'],
      [write(healthInVersion), 'itinerary.A: items/crafted/health is not an itinerary field'],
      [write({ format: 'something-else' }), 'not a Tandem partnership archive'],
      [garbage, 'not a Tandem partnership archive'],
    ] as const) {
      const refused = await runCommand('importPartnershipCommand.ts', [file], env);
      expect(refused.code, says).toBe(1);
      expect(refused.stderr).toContain(says);
    }
    // Nothing of it on the target, and without --trust-seal its PDFs are not genuine there.
    const clean = path.join(tempDataDir(), 'clean.json.gz');
    fs.writeFileSync(clean, bytes);
    const imported = await runCommand('importPartnershipCommand.ts', [clean], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Not trusted');
    const target = await started(targetDir, null);
    expect(await verify(target.base, pdf)).toMatchObject({
      valid: false,
      seal: 'unknown-certificate',
    });
  });
});
