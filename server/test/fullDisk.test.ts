import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@tandem/shared/protocol';
import {
  closeCode,
  connectClient,
  rawSocket,
  synced,
  syncFrame,
  testText,
  textOf,
  waitFor,
} from './helpers';
import { createPartnership } from './people';
import { exited, startProcess } from './processes';

/** A data folder on a tmpfs of `megabytes` (the tests run as root, as CI does). */
function smallDisk(megabytes: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]);
  } catch (error) {
    throw new Error(`mounting a tmpfs needs root (CI runs as root): ${String(error)}`, {
      cause: error,
    });
  }
  return dir;
}

/** Fills the file system of `dir` with one file; returns its path. */
function fill(dir: string): string {
  const filler = path.join(dir, 'filler');
  const { bavail, bsize } = fs.statfsSync(dir);
  try {
    fs.writeFileSync(filler, Buffer.alloc(bavail * bsize));
  } catch {
    // ENOSPC at the very end: the disk is full, which is the point.
  }
  return filler;
}

describe('a full disk', () => {
  const dir = smallDisk(8);
  let child: ChildProcess | null = null;
  afterAll(() => {
    child?.kill('SIGKILL');
    execFileSync('umount', ['-l', dir]);
  });

  it(
    'turns readiness to 503, fails waiting clients within seconds, stops on SIGTERM within 10 s, and loses nothing acknowledged',
    { timeout: 90_000 },
    async () => {
      let port: number;
      ({ child, port } = await startProcess(dir));
      const base = `http://127.0.0.1:${port}`;
      const { id, coordinatorA: person } = await createPartnership(base);
      const room = `${id}/agreement`;
      const writer = connectClient(port, room, person);
      const watcher = connectClient(port, room, person);
      await Promise.all([synced(writer), synced(watcher)]);
      testText(writer.doc).insert(0, 'acknowledged before the disk filled. ');
      await waitFor(() => textOf(watcher.doc).startsWith('acknowledged'), 'the first edit');

      const filler = fill(dir);
      for (let i = 0; i < 8; i++) {
        testText(writer.doc).insert(0, `${i} ${'x'.repeat(60_000)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await waitFor(
        async () => (await fetch(`${base}/api/ready`)).status === 503,
        'readiness to report failing storage',
        15_000,
      );
      expect(await (await fetch(`${base}/api/ready`)).json()).toMatchObject({
        ok: false,
        storage: 'failing',
      });
      // Alive all the same: restarting would not mend the disk.
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ live: true, storage: 'failing' });

      // A client that asks for the document is answered within seconds, not left waiting.
      const latecomer = await rawSocket(port, room, person);
      const closed = closeCode(latecomer);
      latecomer.send(syncFrame(0, new Uint8Array([0])));
      expect(await closed).toBe(CloseCode.tryAgainLater);
      // Past the bound on waiting writes, edits are refused (1013, which the client explains).
      const flooders = await Promise.all(
        [1, 2, 3, 4, 5].map(async () => {
          const ws = await rawSocket(port, room, person);
          const copy = new Y.Doc();
          Y.applyUpdate(copy, Y.encodeStateAsUpdate(writer.doc));
          return { ws, copy, closed: closeCode(ws) };
        }),
      );
      for (const { ws, copy } of flooders) {
        for (let i = 0; i < 450; i++) {
          const before = Y.encodeStateVector(copy);
          testText(copy).insert(0, 'w');
          ws.send(syncFrame(2, Y.encodeStateAsUpdate(copy, before)));
        }
      }
      const codes = await Promise.all(
        flooders.map(({ closed }) =>
          Promise.race([
            closed,
            new Promise<null>((resolve) => setTimeout(() => resolve(null), 3_000)),
          ]),
        ),
      );
      expect(codes).toContain(CloseCode.tryAgainLater);
      for (const { ws } of flooders) ws.close();
      writer.destroy();
      watcher.destroy();

      const stopping = Date.now();
      child.kill('SIGTERM');
      await exited(child);
      expect(Date.now() - stopping).toBeLessThan(10_000);

      fs.rmSync(filler);
      ({ child, port } = await startProcess(dir));
      const reader = connectClient(port, room, person);
      await synced(reader);
      expect(textOf(reader.doc)).toContain('acknowledged before the disk filled.');
      reader.destroy();
    },
  );
});
