import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { exited } from './processes';

/** Debian's Apertium APy (apertium-apy, with apertium-eng-spa), which `.ci/run` installs. */
const APY = process.env.APERTIUM_APY ?? 'apertium-apy';
const MODES = process.env.APERTIUM_MODES ?? '/usr/share/apertium/modes';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Apertium {
  url: string;
  stop(): Promise<void>;
}

/** A real APy server on a free port, once it lists its pairs. */
export async function startApertium(): Promise<Apertium> {
  const port = await freePort();
  const child: ChildProcess = spawn(APY, ['-p', String(port), MODES], { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`${APY} did not start: ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`${APY} exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const answer = await fetch(`${url}/listPairs`).catch(() => null);
      if (answer?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${APY} did not answer on port ${port}`);
  })();
  await Promise.race([ready, failed]);
  failed.catch(() => undefined);
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
