import { parseArgs } from 'node:util';
import { migrateStorage, TargetNotEmptyError } from './storage/migrateStorage';

/**
 * `npm run migrate-storage -- --from data/tandem.sqlite --to postgres://…/tandem [--replace]`:
 * moves an installation from SQLite to PostgreSQL (storage/migrateStorage.ts). Stop the server
 * first; copy the seal files of DATA_DIR to every node that will use the database.
 */
const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    replace: { type: 'boolean', default: false },
  },
});
if (!values.from || !values.to) {
  console.error(
    'Usage: npm run migrate-storage -- --from <sqlite file> --to <postgres url> [--replace]',
  );
  process.exit(2);
}
try {
  const report = await migrateStorage(values.from, values.to, { replace: values.replace });
  for (const [table, rows] of Object.entries(report.rows)) console.log(`${table}: ${rows} rows`);
  console.log(
    `${report.documents} documents copied and checked: every table and document matches.`,
  );
} catch (error) {
  if (error instanceof TargetNotEmptyError) {
    console.error(`${error.message} Nothing was written. Use --replace to empty it first.`);
    process.exit(1);
  }
  console.error('The migration failed and wrote nothing:', error);
  process.exit(1);
}
