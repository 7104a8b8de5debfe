import pg from 'pg';
import { TEST_DATABASE_URL } from './postgres';

/** Drops the schemas tests made in the test database (postgres.ts, freshPostgres). */
async function dropTestSchemas(): Promise<void> {
  const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  try {
    const { rows } = await admin.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace WHERE nspname ~ '^t_[0-9a-f]{12}$'`,
    );
    for (const { name } of rows) await admin.query(`DROP SCHEMA ${name} CASCADE`);
  } finally {
    await admin.end();
  }
}

/** Vitest's global setup for the PostgreSQL run: a clean test database before and after. */
export default async function setup(): Promise<() => Promise<void>> {
  await dropTestSchemas();
  return dropTestSchemas;
}
