import { readConfig } from './config';
import { backupDatabase, BackupError } from './storage/sqlite/backup';

/**
 * `npm run backup -- <file>`: an online backup of the embedded installation (DATA_DIR's
 * SQLite database and seal) while the server runs. PostgreSQL is backed up with pg_dump.
 */
const target = process.argv[2];
if (!target || process.argv.length > 3) {
  console.error('Usage: npm run backup -- <backup file>');
  process.exit(2);
}
const config = readConfig();
if (config.databaseUrl) {
  console.error(
    'DATABASE_URL is set: back up PostgreSQL with pg_dump (see the README) and copy seal.p12 and seal.secret from DATA_DIR.',
  );
  process.exit(2);
}
try {
  const report = await backupDatabase(config.dataDir, target);
  console.log(
    `Backed up ${config.dataDir} to ${target}: ${report.bytes} bytes, ${report.sealFiles} seal files.`,
  );
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  console.error('No backup was written.');
  process.exit(1);
}
