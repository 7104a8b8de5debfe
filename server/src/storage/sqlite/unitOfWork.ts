import type Database from 'better-sqlite3';

/**
 * Units of work on one SQLite connection: each runs inside `BEGIN IMMEDIATE … COMMIT` (rolled
 * back if it throws), and they run one after another. better-sqlite3 is synchronous, so a unit
 * whose work awaits only statements on this connection holds the transaction for microseconds.
 */
export function unitsOfWork(db: Database.Database) {
  let queue: Promise<unknown> = Promise.resolve();
  return function run<T>(work: () => Promise<T>): Promise<T> {
    const turn = queue.then(async () => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    });
    queue = turn.catch(() => undefined);
    return turn;
  };
}
