import fs from 'node:fs';
import { parseArgs } from 'node:util';
import forge from 'node-forge';
import { readConfig } from './config';
import { trustImportedSeal } from './pdf/seal';
import { certificateFingerprint } from './pdf/verify';
import { openStores } from './storage/openStores';
import {
  ArchiveError,
  importPartnership,
  PartnershipExistsError,
  readArchive,
} from './storage/partnershipArchive';

/**
 * `npm run import-partnership -- <archive> [--trust-seal]`: brings a partnership that its
 * coordinators downloaded from another Tandem server into this one (DATA_DIR's SQLite or
 * DATABASE_URL's PostgreSQL). With --trust-seal, PDFs sealed by the other server verify here.
 */
const { values, positionals } = parseArgs({
  options: { 'trust-seal': { type: 'boolean', default: false } },
  allowPositionals: true,
});
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error('Usage: npm run import-partnership -- <archive file> [--trust-seal]');
  process.exit(2);
}
const config = readConfig();
let archive;
try {
  archive = readArchive(fs.readFileSync(file));
} catch (error) {
  console.error(error instanceof ArchiveError ? error.message : `Cannot read ${file}.`);
  console.error('Nothing was imported.');
  process.exit(1);
}
const stores = await openStores(config, (message, error) => console.error(message, error ?? ''));
try {
  const report = await importPartnership(stores.raw, archive, stores.engine);
  for (const [table, rows] of Object.entries(report.rows)) console.log(`${table}: ${rows} rows`);
  console.log(
    `Partnership ${archive.partnershipId} imported: ${report.accountsMatched} people already had an account here, ${report.accountsCreated} get one without a password (they set it before signing in).`,
  );
} catch (error) {
  const isHere = error instanceof PartnershipExistsError;
  console.error(error instanceof ArchiveError ? error.message : error);
  console.error('Nothing was imported.');
  // Importing first and trusting on a second run is fine: the seal is trusted all the same.
  if (!(isHere && values['trust-seal'])) {
    await stores.close();
    process.exit(1);
  }
}
await stores.close();
for (const pem of archive.sealCertificates) {
  const fingerprint = certificateFingerprint(forge.pki.certificateFromPem(pem));
  if (values['trust-seal']) {
    trustImportedSeal(config.dataDir, pem, fingerprint);
    console.log(`Trusted seal ${fingerprint}: its signed PDFs verify here.`);
  } else {
    console.log(
      `Not trusted: seal ${fingerprint}. PDFs it sealed verify here once you run again with --trust-seal or list its certificate in TRUSTED_SEAL_CERTS.`,
    );
  }
}
