import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_NAMES } from '@tandem/shared/doc/documents';
import { loadOrCreateSeal } from '../src/pdf/seal';
import type { TandemServer } from '../src/server';
import {
  connectClient,
  startTestServer,
  synced,
  tempDataDir,
  testText,
  textOf,
  waitFor,
} from './helpers';
import { call, twoSchools } from './people';
import { runCommand } from './processes';

const sqliteOnly = { DATABASE_URL: '' };

/** `npm run backup` while people type, and `npm run restore` onto a stopped server. */
describe('npm run backup and npm run restore', () => {
  let server: TandemServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('a backup taken during a typing storm restores every acknowledged edit', async () => {
    const dataDir = tempDataDir();
    server = await startTestServer(dataDir, { databaseUrl: null });
    const base = `http://127.0.0.1:${server.port}`;
    const { id, coordinatorA, coordinatorB } = await twoSchools(base);
    loadOrCreateSeal(dataDir);
    const room = `${id}/agreement`;
    const writer = connectClient(server.port, room, coordinatorA);
    const reader = connectClient(server.port, room, coordinatorB);
    await Promise.all([synced(writer), synced(reader)]);
    // The storm: a token every few milliseconds. What the other school has received, the
    // server stored first (it stores before it relays), so it was acknowledged.
    let typed = 0;
    let isTyping = true;
    const storm = (async () => {
      while (isTyping) {
        testText(writer.doc).insert(testText(writer.doc).length, `[${typed++}]`);
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    })();
    await waitFor(() => textOf(reader.doc).includes('[50]'), 'the partner to receive 50 edits');
    const acknowledged = textOf(reader.doc);
    const file = path.join(tempDataDir(), 'nightly.tandem-backup');
    const backup = await runCommand('backupCommand.ts', [file], {
      ...sqliteOnly,
      DATA_DIR: dataDir,
    });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('Backed up');
    isTyping = false;
    await storm;
    expect(typed).toBeGreaterThan(60);
    writer.destroy();
    reader.destroy();
    await server.close();
    server = null;

    const restoredDir = tempDataDir();
    const restore = await runCommand('restoreCommand.ts', [file], {
      ...sqliteOnly,
      DATA_DIR: restoredDir,
    });
    expect(restore.code).toBe(0);
    server = await startTestServer(restoredDir, { databaseUrl: null });
    // Sessions came back with the accounts: the coordinator is still signed in.
    const view = await call(
      `http://127.0.0.1:${server.port}`,
      'GET',
      `/api/partnerships/${id}`,
      undefined,
      coordinatorA,
    );
    expect(view.status).toBe(200);
    const again = connectClient(server.port, room, coordinatorB);
    await synced(again);
    const text = textOf(again.doc);
    expect(text.startsWith(acknowledged)).toBe(true);
    for (const document of DOCUMENT_NAMES) {
      const other = connectClient(server.port, `${id}/${document}`, coordinatorA, new Y.Doc());
      await synced(other);
      other.destroy();
    }
    again.destroy();
    // The seal came with it: the restored folder signs with the same certificate.
    for (const name of ['seal.p12', 'seal.secret']) {
      expect(fs.readFileSync(path.join(restoredDir, name))).toEqual(
        fs.readFileSync(path.join(dataDir, name)),
      );
    }
  });

  it('refuses to restore under a running server, and what is not a backup', async () => {
    const dataDir = tempDataDir();
    server = await startTestServer(dataDir, { databaseUrl: null });
    const file = path.join(tempDataDir(), 'backup.sqlite');
    const env = { ...sqliteOnly, DATA_DIR: dataDir };
    expect((await runCommand('backupCommand.ts', [file], env)).code).toBe(0);
    // The same name twice: the first backup is never overwritten.
    const twice = await runCommand('backupCommand.ts', [file], env);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('choose a new file name');

    const live = fs.readFileSync(path.join(dataDir, 'tandem.sqlite'));
    const running = await runCommand('restoreCommand.ts', [file], env);
    expect(running.code).toBe(1);
    expect(running.stderr).toContain('stop it first');
    expect(fs.readFileSync(path.join(dataDir, 'tandem.sqlite'))).toEqual(live);
    await server.close();
    server = null;

    // A plain database (not made by npm run backup), a text file, a missing file.
    const plain = path.join(tempDataDir(), 'plain.sqlite');
    new Database(plain).exec('CREATE TABLE t (x)');
    const text = path.join(tempDataDir(), 'notes.txt');
    fs.writeFileSync(text, 'not a database at all, just some words to fill a page');
    for (const [bad, says] of [
      [plain, 'was not made by npm run backup'],
      [text, 'not an SQLite database'],
      [path.join(dataDir, 'missing'), 'There is no file'],
    ] as const) {
      const refused = await runCommand('restoreCommand.ts', [bad], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(says);
    }
    const before = fs.readdirSync(dataDir).sort();
    expect(before.some((name) => name.includes('before-restore'))).toBe(false);

    // Stopped: the restore goes ahead and keeps the database it replaced.
    const restored = await runCommand('restoreCommand.ts', [file], env);
    expect(restored.code).toBe(0);
    expect(
      fs.readdirSync(dataDir).some((name) => /tandem\.sqlite\.before-restore-/.test(name)),
    ).toBe(true);
  });
});
