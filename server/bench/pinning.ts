import { execFileSync } from 'node:child_process';
import os from 'node:os';

/**
 * Where the bench runs: the servers on one set of cores, this process (the clients) and the
 * browser on the others, so that the two never compete for a core. With one core, or without
 * `taskset` (util-linux), nothing is pinned and the report says so.
 */
export interface Pinning {
  /** The `taskset -c` list for servers, or null when not pinned. */
  serverCpus: string | null;
  clientCpus: string | null;
  /** One sentence for the report. */
  description: string;
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function list(from: number, to: number): string {
  return from === to ? `${from}` : `${from}-${to}`;
}

function choose(): Pinning {
  const cores = os.cpus().length;
  if (process.env.BENCH_PIN === '0' || cores < 2 || !hasTaskset()) {
    return {
      serverCpus: null,
      clientCpus: null,
      description: `not pinned (${cores} core${cores === 1 ? '' : 's'}${hasTaskset() ? '' : ', no taskset'}): servers and clients share the cores`,
    };
  }
  const half = Math.floor(cores / 2);
  const serverCpus = list(0, half - 1);
  const clientCpus = list(half, cores - 1);
  return {
    serverCpus,
    clientCpus,
    description: `servers pinned to core ${serverCpus}, the bench's clients to core ${clientCpus} (taskset); PostgreSQL and Redis (system services) are not pinned, and the browser section's Chromium runs on every core, as on a person's computer`,
  };
}

export const PINNING = choose();

function setAffinity(cpus: string): void {
  execFileSync('taskset', ['-a', '-cp', cpus, String(process.pid)], { stdio: 'ignore' });
}

/** Moves this process (every thread of it) onto the clients' cores; children inherit them. */
export function pinThisProcess(): void {
  if (PINNING.clientCpus) setAffinity(PINNING.clientCpus);
}

/**
 * Starts something on every core, as a person's computer runs the browser: the browser
 * section measures one page against a server that is otherwise idle.
 */
export async function onEveryCore<T>(start: () => Promise<T>): Promise<T> {
  if (!PINNING.clientCpus) return start();
  setAffinity(`0-${os.cpus().length - 1}`);
  try {
    return await start();
  } finally {
    setAffinity(PINNING.clientCpus);
  }
}

/** The command and arguments that run `command args` on the servers' cores. */
export function onServerCores(command: string, args: string[]): [string, string[]] {
  return PINNING.serverCpus
    ? ['taskset', ['-c', PINNING.serverCpus, command, ...args]]
    : [command, args];
}
