import { readConfig } from './config';
import { BackupError, restoreDatabase } from './storage/sqlite/backup';

/**
 * `npm run restore -- <file>`: puts a backup made by `npm run backup` in DATA_DIR, with the
 * server stopped. The database it replaces is kept beside it, renamed.
 */
const source = process.argv[2];
if (!source || process.argv.length > 3) {
  console.error('Usage: npm run restore -- <backup file>');
  process.exit(2);
}
const config = readConfig();
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: restore PostgreSQL with pg_restore (see the README).');
  process.exit(2);
}
try {
  const report = restoreDatabase(config.dataDir, source);
  console.log(`Restored ${source} into ${config.dataDir}.`);
  if (report.previous) console.log(`The database it replaced is kept as ${report.previous}.`);
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  console.error('Nothing was changed.');
  process.exit(1);
}
