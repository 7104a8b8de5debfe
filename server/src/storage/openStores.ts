import type { DocumentStore } from './DocumentStore';
import type { PeopleStore } from './PeopleStore';
import type { SigningStore } from './SigningStore';
import type { ThreadReadStore } from './ThreadReadStore';
import type { VersionStore } from './VersionStore';
import { postgresRaw, type RawDatabase, sqliteRaw } from './rawDatabase';
import { openPostgres } from './postgres/database';
import { PgDocumentStore } from './postgres/PgDocumentStore';
import { PgPeopleStore } from './postgres/PgPeopleStore';
import { createPgSigningStore } from './postgres/PgSigningStore';
import { PgThreadReadStore } from './postgres/PgThreadReadStore';
import { PgVersionStore } from './postgres/PgVersionStore';
import { checkpointInWorker } from './sqlite/checkpoints';
import { openDatabase } from './sqlite/database';
import { claimDataDir } from './sqlite/dataDirLock';
import { SqliteDocumentStore } from './sqlite/SqliteDocumentStore';
import { SqlitePeopleStore } from './sqlite/SqlitePeopleStore';
import { createSqliteSigningStore } from './sqlite/SqliteSigningStore';
import { SqliteThreadReadStore } from './sqlite/SqliteThreadReadStore';
import { SqliteVersionStore } from './sqlite/SqliteVersionStore';

/** Every store of one installation, on one engine. */
export interface Stores {
  engine: 'sqlite' | 'postgres';
  documents: DocumentStore;
  people: PeopleStore;
  versions: VersionStore;
  threadReads: ThreadReadStore;
  signings: SigningStore;
  /** Plain SQL on the same database (the partnership archive). */
  raw: RawDatabase;
  /** Whether the database answers now (for /api/health). */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The installation's storage: PostgreSQL when `databaseUrl` is set (several nodes may share
 * it), else the embedded SQLite file in `dataDir`, which needs nothing else running.
 */
export async function openStores(
  { dataDir, databaseUrl }: { dataDir: string; databaseUrl: string | null },
  log: (message: string, error?: unknown) => void,
): Promise<Stores> {
  if (databaseUrl) {
    const pool = await openPostgres(databaseUrl);
    return {
      engine: 'postgres',
      documents: new PgDocumentStore(pool),
      people: new PgPeopleStore(pool),
      versions: new PgVersionStore(pool),
      threadReads: new PgThreadReadStore(pool),
      signings: createPgSigningStore(pool),
      raw: postgresRaw(pool),
      isReachable: () =>
        pool.query('SELECT 1').then(
          () => true,
          () => false,
        ),
      close: () => (pool.ended ? Promise.resolve() : pool.end()),
    };
  }
  const db = openDatabase(dataDir);
  const releaseDataDir = claimDataDir(dataDir);
  const stopCheckpoints = checkpointInWorker(db, 2_000, log);
  return {
    engine: 'sqlite',
    documents: new SqliteDocumentStore(db),
    people: new SqlitePeopleStore(db),
    versions: new SqliteVersionStore(db),
    threadReads: new SqliteThreadReadStore(db),
    signings: createSqliteSigningStore(db),
    raw: sqliteRaw(db),
    isReachable: () => Promise.resolve(db.open),
    close: async () => {
      await stopCheckpoints();
      db.close();
      releaseDataDir();
    },
  };
}
