import type Database from 'better-sqlite3';
import type { VersionInfo, VersionKind, VersionStore } from '../VersionStore';
import { infoOf, VERSION_COLUMNS as COLUMNS, type VersionRow as Row } from '../versionRows';

/** Versions in the embedded SQLite database. */
export class SqliteVersionStore implements VersionStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insert: db.prepare<
        [string, string, VersionKind, string | null, string | null, number, Uint8Array, string]
      >(
        `INSERT INTO versions (id, doc, kind, name, created_by, created_at, state, state_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      list: db.prepare<[string], Row>(
        `SELECT ${COLUMNS} FROM versions WHERE doc = ? ORDER BY created_at DESC, rowid DESC`,
      ),
      get: db.prepare<[string, string], Row & { state: Buffer }>(
        `SELECT ${COLUMNS}, state FROM versions WHERE doc = ? AND id = ?`,
      ),
      remove: db.prepare<[string, string]>('DELETE FROM versions WHERE doc = ? AND id = ?'),
      latest: db.prepare<[string], Row>(
        `SELECT ${COLUMNS} FROM versions WHERE doc = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
      ),
    };
  }

  add(doc: string, v: VersionInfo, state: Uint8Array): Promise<void> {
    this.statements.insert.run(
      v.id,
      doc,
      v.kind,
      v.name,
      v.createdBy,
      v.createdAt,
      state,
      v.stateHash,
    );
    return Promise.resolve();
  }

  list(doc: string): Promise<VersionInfo[]> {
    return Promise.resolve(this.statements.list.all(doc).map(infoOf));
  }

  get(doc: string, id: string): Promise<{ info: VersionInfo; state: Uint8Array } | null> {
    const row = this.statements.get.get(doc, id);
    return Promise.resolve(row ? { info: infoOf(row), state: new Uint8Array(row.state) } : null);
  }

  remove(doc: string, ids: readonly string[]): Promise<void> {
    const { remove } = this.statements;
    this.db.transaction(() => {
      for (const id of ids) remove.run(doc, id);
    })();
    return Promise.resolve();
  }

  latest(doc: string): Promise<VersionInfo | null> {
    const row = this.statements.latest.get(doc);
    return Promise.resolve(row ? infoOf(row) : null);
  }
}
