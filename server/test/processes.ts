import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { databaseUrlFor, TEST_ENGINE } from './helpers';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * The environment a server process needs for the engine the tests run on: nothing for SQLite
 * (it uses DATA_DIR), a fresh PostgreSQL schema for PostgreSQL (helpers.ts, TEST_ENGINE).
 */
export async function engineEnv(dataDir: string): Promise<Record<string, string>> {
  if (TEST_ENGINE === 'sqlite') return {};
  return { DATABASE_URL: await databaseUrlFor(dataDir) };
}

/** Starts `server/src/main.ts` as its own process, exactly as `npm start` does. */
export async function startProcess(
  dataDir: string,
  port = 0,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const bound = await new Promise<number>((resolve, reject) => {
    let output = '';
    let isListening = false;
    // The log is read only until the server says it listens, then drained unread: a long run
    // (the soak) would otherwise keep every line it ever logged.
    child.stdout?.on('data', (chunk: Buffer) => {
      if (isListening) return;
      output += chunk.toString();
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (!match?.[1]) return;
      isListening = true;
      output = '';
      resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, port: bound };
}

/** Resolves when the process has exited. */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export function kill9(child: ChildProcess): Promise<void> {
  const done = exited(child);
  child.kill('SIGKILL');
  return done;
}

/** Runs one of the operator's commands (`server/src/<script>`) as `npm run` would. */
export function runCommand(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `server/src/${script}`, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
