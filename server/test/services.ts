import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { waitFor } from './helpers';

/** A Redis or PostgreSQL of one test's own, on a free port, which it may restart. */
export interface PrivateService {
  url: string;
  /** Stops the service, runs `whileDown` (if any), and starts it again on the same data. */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** A service process that is killed and started again on the same port and data. */
async function restartable(
  name: string,
  port: number,
  start: () => ChildProcess,
  stopSignal: NodeJS.Signals,
  cleanup = () => undefined as void,
): Promise<Omit<PrivateService, 'url'>> {
  let child = start();
  await waitFor(() => isListening(port), `${name} to listen`, 20_000);
  const stop = async () => {
    child.kill(stopSignal);
    await exited(child);
  };
  return {
    async restart(whileDown) {
      await stop();
      await whileDown?.();
      child = start();
      await waitFor(() => isListening(port), `${name} to listen again`, 20_000);
    },
    async stop() {
      await stop();
      cleanup();
    },
  };
}

/** redis-server without persistence: a restart loses its state, as a crashed Redis does. */
export async function privateRedis(): Promise<PrivateService> {
  const port = await freePort();
  const start = () =>
    spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
  const service = await restartable('redis', port, start, 'SIGKILL');
  return { ...service, url: `redis://127.0.0.1:${port}` };
}

/** The newest PostgreSQL server binaries Debian installed. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return path.join(root, versions[0] ?? '', 'bin');
}

/**
 * A PostgreSQL cluster of its own in a temporary folder (initdb, trust auth on loopback).
 * PostgreSQL refuses to run as root, so under root (as in CI) it runs as the `postgres` user.
 * `restart` is a fast shutdown and a start on the same data: every connection is dropped.
 */
export async function privatePostgres(): Promise<PrivateService> {
  const bin = postgresBin();
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-pg-'));
  // Under root, the processes run as `postgres` (spawned with its ids: signals reach them).
  const as: { uid?: number; gid?: number } = {};
  if (process.getuid?.() === 0) {
    as.uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    as.gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    fs.chownSync(dir, as.uid, as.gid);
  }
  execFileSync(path.join(bin, 'initdb'), ['-D', dir, '-A', 'trust', '-U', 'postgres'], {
    ...as,
    stdio: 'ignore',
  });
  const start = () =>
    spawn(
      path.join(bin, 'postgres'),
      ['-D', dir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'],
      { ...as, stdio: 'ignore' },
    );
  // SIGINT is PostgreSQL's fast shutdown: sessions are ended, the data stays.
  const service = await restartable('postgres', port, start, 'SIGINT', () =>
    fs.rmSync(dir, { recursive: true, force: true }),
  );
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitFor(() => accepts(url), 'postgres to accept sessions', 20_000);
  return {
    ...service,
    url,
    async restart(whileDown) {
      await service.restart(whileDown);
      await waitFor(() => accepts(url), 'postgres to accept sessions again', 20_000);
    },
  };
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
