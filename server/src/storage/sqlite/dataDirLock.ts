import fs from 'node:fs';
import path from 'node:path';

/**
 * A running server's claim on its data folder: `tandem.pid` holds its process id while the
 * SQLite file is open, so `npm run restore` can refuse to swap the file under it. A file left
 * by a killed server names a process that no longer runs and is ignored.
 */
const LOCK_FILE = 'tandem.pid';

/** Writes this process's claim; returns the function that removes it. */
export function claimDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  fs.writeFileSync(file, String(process.pid), { mode: 0o600 });
  return () => {
    if (runningServerIn(dataDir) === process.pid) fs.rmSync(file, { force: true });
  };
}

/** The process id of a server that has this data folder open, or null. */
export function runningServerIn(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, so it still runs.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
