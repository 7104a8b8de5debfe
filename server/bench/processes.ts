import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onServerCores } from './pinning';

const serverDir = path.resolve(import.meta.dirname, '..');
/** The V8 flags `npm run serve` starts Tandem with (package.json); keep the two in step. */
const TANDEM_NODE_FLAGS = ['--max-semi-space-size=32'];
/** `BENCH_PROFILE=<dir>` writes a V8 CPU profile of every server process into that folder. */
const profile = process.env.BENCH_PROFILE
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
  : [];

/** A server in its own process, and how to stop it. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${buffer}`)), 30_000);
    const read = (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = pattern.exec(buffer);
      if (!match) return;
      clearTimeout(timer);
      // Read on, so the server never blocks on a full pipe, but keep nothing: the bench's own
      // core is for the clients.
      child.stdout?.off('data', read).resume();
      buffer = '';
      resolve(match);
    };
    child.stdout?.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${buffer}`)));
  });
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/** Tandem's server on a free port over `dataDir` (a fresh temporary one by default). */
export async function startTandem(
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-')),
  extraEnv: Record<string, string> = {},
) {
  const [command, args] = onServerCores(process.execPath, [
    ...profile,
    ...TANDEM_NODE_FLAGS,
    '--import',
    'tsx',
    'src/main.ts',
  ]);
  const child = spawn(command, args, {
    cwd: serverDir,
    // The bench drives every connection as one account: the per-member connection limits
    // (checked as always) are raised so that thousands fit.
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      MAX_CONNECTIONS_PER_MEMBER: '100000',
      MAX_CONNECTIONS_PER_MEMBER_ROOM: '100000',
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const match = await waitForLine(child, /listening on (http:\/\/[\d.]+:\d+)/);
  return { url: match[1] ?? '', child, dataDir, stop: stopper(child) };
}

/** A reference server script from this folder; it prints `ready <port>` once listening. */
export async function startReference(
  script: 'yWebsocketServer.ts' | 'hocuspocusServer.ts',
): Promise<ServerProcess> {
  const [command, args] = onServerCores(process.execPath, [
    ...profile,
    '--import',
    'tsx',
    `bench/${script}`,
  ]);
  const child = spawn(command, args, {
    cwd: serverDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const match = await waitForLine(child, /ready (\d+)/);
  return { url: `http://127.0.0.1:${match[1] ?? ''}`, child, stop: stopper(child) };
}

/** Resident memory of processes together in KiB (Linux). */
export function rssKiB(pids: readonly (number | undefined)[]): number {
  let sum = 0;
  for (const pid of pids) {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    sum += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  }
  return sum;
}

/**
 * How many sockets this process may hold: its open-file limit less a margin for everything
 * else. The servers inherit the same limit, so no server can be offered more than this.
 */
export function socketCeiling(): number {
  const limits = fs.readFileSync('/proc/self/limits', 'utf8');
  const soft = Number(/Max open files\s+(\d+)/.exec(limits)?.[1] ?? 1024);
  return Math.max(0, soft - 1_000);
}
