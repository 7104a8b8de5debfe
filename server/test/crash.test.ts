import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, synced, tempDataDir, testText, textOf, waitFor } from './helpers';
import { createPartnership } from './people';
import { engineEnv, kill9, startProcess } from './processes';

describe('a server killed with SIGKILL', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  it(
    'loses no update that another client had received, whenever it dies',
    { timeout: 60_000 },
    async () => {
      const dataDir = tempDataDir();
      const env = await engineEnv(dataDir);
      let { child, port } = await startProcess(dataDir, 0, env);
      children.push(child);
      const { id, coordinatorA: person } = await createPartnership(`http://127.0.0.1:${port}`);
      const ROOM = `${id}/agreement`;

      for (let round = 0; round < 3; round++) {
        const writer = connectClient(port, ROOM, person);
        const watcher = connectClient(port, ROOM, person);
        await Promise.all([synced(writer), synced(watcher)]);
        const text = testText(writer.doc);
        const typing = setInterval(() => text.insert(text.length, `${round}:${text.length};`), 2);
        await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 300));

        await kill9(child);
        clearInterval(typing);
        const seen = textOf(watcher.doc);
        // Stop both clients before the restart so that nothing they hold is sent again.
        writer.destroy();
        watcher.destroy();
        expect(seen.length).toBeGreaterThan(0);

        ({ child, port } = await startProcess(dataDir, port, env));
        children.push(child);
        const reader = connectClient(port, ROOM, person);
        await synced(reader);
        await waitFor(() => textOf(reader.doc).length >= seen.length, 'stored content');
        expect(textOf(reader.doc).startsWith(seen)).toBe(true);
        reader.destroy();
      }
    },
  );
});
