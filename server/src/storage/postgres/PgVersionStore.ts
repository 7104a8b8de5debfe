import type pg from 'pg';
import type { VersionInfo, VersionStore } from '../VersionStore';
import { infoOf, VERSION_COLUMNS as COLUMNS, type VersionRow as Row } from '../versionRows';

/** Versions on PostgreSQL; `ord` keeps the order they were added in (VersionStore's contract). */
export class PgVersionStore implements VersionStore {
  constructor(private readonly pool: pg.Pool) {}

  async add(doc: string, v: VersionInfo, state: Uint8Array): Promise<void> {
    await this.pool.query(
      `INSERT INTO versions (id, doc, kind, name, created_by, created_at, state, state_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [v.id, doc, v.kind, v.name, v.createdBy, v.createdAt, state, v.stateHash],
    );
  }

  async list(doc: string): Promise<VersionInfo[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM versions WHERE doc = $1 ORDER BY created_at DESC, ord DESC`,
      [doc],
    );
    return rows.map(infoOf);
  }

  async get(doc: string, id: string) {
    const { rows } = await this.pool.query<Row & { state: Buffer }>(
      `SELECT ${COLUMNS}, state FROM versions WHERE doc = $1 AND id = $2`,
      [doc, id],
    );
    const row = rows[0];
    return row ? { info: infoOf(row), state: new Uint8Array(row.state) } : null;
  }

  async latest(doc: string): Promise<VersionInfo | null> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM versions WHERE doc = $1 ORDER BY created_at DESC, ord DESC LIMIT 1`,
      [doc],
    );
    return rows[0] ? infoOf(rows[0]) : null;
  }

  async remove(doc: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.pool.query('DELETE FROM versions WHERE doc = $1 AND id = ANY($2)', [doc, [...ids]]);
  }
}
