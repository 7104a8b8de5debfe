import zlib from 'node:zlib';
import * as Y from 'yjs';
import { z } from 'zod';
import { archiveDocumentsProblem } from './archiveDocuments';
import { isChainIntact } from './auditChain';
import { columnsOf } from './migrateStorage';
import type { RawDatabase, RawTransaction } from './rawDatabase';

/**
 * One partnership in one file: its rows in every table that belongs to it (documents with
 * their update logs, versions, comments' read marks, signings, signed PDFs, the audit chain),
 * and the public certificates that sealed its PDFs. Accounts go without their password hashes
 * and sessions; invitations, sent-mail records and other partnerships never go.
 */
export const ARCHIVE_FORMAT = 'tandem-partnership';
export const ARCHIVE_VERSION = 1;

/** A table's part of the archive, parents before children. `scope` selects the partnership's rows. */
interface TableSpec {
  name: string;
  columns: readonly string[];
  scope: string;
  order: string;
}

const DOC = 'substr(doc, 1, length(?)) = ?';
const SIGNING = 'signing_id IN (SELECT id FROM signings WHERE partnership_id = ?)';

const TABLES: readonly TableSpec[] = [
  {
    name: 'accounts',
    columns: ['id', 'email', 'name', 'language', 'time_zone', 'created_at'],
    scope:
      'id IN (SELECT account_id FROM members WHERE partnership_id = ?) OR id IN (SELECT created_by FROM partnerships WHERE id = ?)',
    order: 'created_at, id',
  },
  {
    name: 'partnerships',
    columns: columnsOf('partnerships'),
    scope: 'id = ?',
    order: 'id',
  },
  {
    name: 'sides',
    columns: columnsOf('sides'),
    scope: 'partnership_id = ?',
    order: 'side',
  },
  {
    name: 'members',
    columns: columnsOf('members'),
    scope: 'partnership_id = ?',
    order: 'joined_at, id',
  },
  {
    name: 'doc_snapshots',
    columns: columnsOf('doc_snapshots'),
    scope: DOC,
    order: 'doc',
  },
  {
    name: 'doc_updates',
    columns: columnsOf('doc_updates'),
    scope: DOC,
    order: 'doc, seq',
  },
  {
    name: 'doc_clients',
    columns: columnsOf('doc_clients'),
    scope: DOC,
    order: 'doc, client_id',
  },
  {
    name: 'versions',
    columns: columnsOf('versions'),
    scope: DOC,
    order: 'created_at, id',
  },
  {
    name: 'thread_reads',
    columns: columnsOf('thread_reads'),
    scope: DOC,
    order: 'member_id, doc, thread_id',
  },
  {
    name: 'signings',
    columns: columnsOf('signings'),
    scope: 'partnership_id = ?',
    order: 'started_at, id',
  },
  {
    name: 'signatures',
    columns: columnsOf('signatures'),
    scope: SIGNING,
    order: 'signing_id, side',
  },
  {
    name: 'signed_pdfs',
    columns: columnsOf('signed_pdfs'),
    scope: SIGNING,
    order: 'signing_id',
  },
  {
    name: 'audit_log',
    columns: ['partnership_id', 'at', 'actor', 'action', 'data', 'prev_hash', 'hash'],
    scope: 'partnership_id = ?',
    order: 'seq',
  },
];

function scopeParams(spec: TableSpec, id: string): string[] {
  if (spec.scope === DOC) return [`${id}/`, `${id}/`];
  return spec.name === 'accounts' ? [id, id] : [id];
}

/** Bytes travel as `{ "$bytes": base64 }`, everything else as JSON. */
const Cell = z.union([z.string(), z.number(), z.null(), z.object({ $bytes: z.base64() }).strict()]);

const Archive = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: z.number(),
  partnershipId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  /** PEM certificates that sealed this partnership's signed PDFs on the server it came from. */
  sealCertificates: z.array(z.string().max(20_000)).max(16),
  tables: z.record(
    z.string(),
    z.object({ columns: z.array(z.string()), rows: z.array(z.array(Cell)) }),
  ),
});
export type PartnershipArchive = z.infer<typeof Archive>;

/** An archive that cannot be imported; nothing was written. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
}

function encodeCell(value: unknown): z.infer<typeof Cell> {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  throw new Error(`a cell of type ${typeof value} cannot be archived`);
}

function decodeCell(value: z.infer<typeof Cell>): string | number | null | Buffer {
  return value !== null && typeof value === 'object' ? Buffer.from(value.$bytes, 'base64') : value;
}

/** Reads one partnership's rows, all from one consistent view, as a gzipped JSON archive. */
export async function exportPartnership(
  db: RawDatabase,
  partnershipId: string,
  sealCertificates: readonly string[],
): Promise<Buffer> {
  const results = await db.readAll(
    TABLES.map((spec) => ({
      sql: `SELECT ${spec.columns.join(', ')} FROM ${spec.name} WHERE ${spec.scope} ORDER BY ${spec.order}`,
      params: scopeParams(spec, partnershipId),
    })),
  );
  const archive: PartnershipArchive = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: Date.now(),
    partnershipId,
    sealCertificates: [...sealCertificates],
    tables: Object.fromEntries(
      TABLES.map((spec, i) => [
        spec.name,
        { columns: [...spec.columns], rows: (results[i] ?? []).map((row) => row.map(encodeCell)) },
      ]),
    ),
  };
  return zlib.gzipSync(JSON.stringify(archive));
}

/** Reads and checks an archive file's bytes (gzipped JSON); throws ArchiveError. */
export function readArchive(bytes: Uint8Array): PartnershipArchive {
  let json: unknown;
  try {
    json = JSON.parse(zlib.gunzipSync(bytes, { maxOutputLength: 2 * 1024 ** 3 }).toString('utf8'));
  } catch {
    throw new ArchiveError('This is not a Tandem partnership archive (not gzipped JSON).');
  }
  const parsed = Archive.safeParse(json);
  if (!parsed.success) {
    throw new ArchiveError(
      'This is not a Tandem partnership archive of a version this server reads.',
    );
  }
  checkScope(parsed.data);
  return parsed.data;
}

type Rows = Record<string, unknown>[];

/** The archive's rows of `table` as objects, after checking its columns. */
function rowsOf(archive: PartnershipArchive, spec: TableSpec): Rows {
  const table = archive.tables[spec.name] ?? { columns: [...spec.columns], rows: [] };
  if (table.columns.join(',') !== spec.columns.join(',')) {
    throw new ArchiveError(`The archive's ${spec.name} table has unexpected columns.`);
  }
  return table.rows.map((row) => {
    if (row.length !== spec.columns.length) {
      throw new ArchiveError(`A row of ${spec.name} has ${row.length} cells.`);
    }
    return Object.fromEntries(
      spec.columns.map((column, i) => [column, decodeCell(row[i] ?? null)]),
    );
  });
}

/**
 * Every row belongs to the archive's one partnership, its documents load and hold only what
 * Tandem's write rules allow, and its audit chain is intact: an archive can neither write into
 * another partnership, nor bring a field the editor never writes, nor an altered history.
 */
function checkScope(archive: PartnershipArchive): void {
  const id = archive.partnershipId;
  const unknown = Object.keys(archive.tables).filter(
    (name) => !TABLES.some((t) => t.name === name),
  );
  if (unknown.length > 0)
    throw new ArchiveError(`The archive has unknown tables: ${unknown.join(', ')}.`);
  const rows = Object.fromEntries(TABLES.map((spec) => [spec.name, rowsOf(archive, spec)]));
  const fail = (what: string) => {
    throw new ArchiveError(`The archive holds ${what} of another partnership.`);
  };
  const partnerships = rows.partnerships ?? [];
  if (partnerships.length !== 1 || partnerships[0]?.id !== id) fail('no partnership or one');
  for (const name of ['sides', 'members', 'signings', 'audit_log']) {
    if ((rows[name] ?? []).some((r) => r.partnership_id !== id)) fail(name);
  }
  for (const name of ['doc_snapshots', 'doc_updates', 'doc_clients', 'versions', 'thread_reads']) {
    if ((rows[name] ?? []).some((r) => !String(r.doc).startsWith(`${id}/`))) fail(`documents`);
  }
  const signings = new Set((rows.signings ?? []).map((r) => r.id));
  for (const name of ['signatures', 'signed_pdfs']) {
    if ((rows[name] ?? []).some((r) => !signings.has(r.signing_id))) fail(name);
  }
  const accounts = new Set((rows.accounts ?? []).map((r) => r.id));
  if ((rows.members ?? []).some((r) => !accounts.has(r.account_id))) {
    throw new ArchiveError('The archive has a member without an account.');
  }
  for (const name of ['doc_snapshots', 'doc_updates', 'versions']) {
    for (const row of rows[name] ?? []) {
      const bytes = row.state ?? row.data;
      try {
        Y.applyUpdate(new Y.Doc(), bytes as Uint8Array);
      } catch {
        throw new ArchiveError(`A document in the archive does not load (${name}).`);
      }
    }
  }
  const documents = archiveDocumentsProblem(id, rows);
  if (documents) {
    throw new ArchiveError(
      `A document in the archive holds what Tandem never writes (${documents}).`,
    );
  }
  const audit = (rows.audit_log ?? []).map((r, seq) => ({
    seq,
    at: Number(r.at),
    actor: r.actor as string | null,
    action: String(r.action),
    data: String(r.data),
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
  }));
  if (!isChainIntact(id, audit)) {
    throw new ArchiveError('The archive’s audit chain is broken: it was altered after export.');
  }
}

export interface ImportReport {
  rows: Record<string, number>;
  accountsMatched: number;
  accountsCreated: number;
}

/** Thrown when the target already has this partnership; nothing was written. */
export class PartnershipExistsError extends ArchiveError {}

/**
 * Writes an archive's partnership into this installation in one transaction. People whose
 * address already has an account here keep it; the others get an account without a password
 * (they set one before signing in). Refuses a partnership that is already here.
 */
export async function importPartnership(
  db: RawDatabase,
  archive: PartnershipArchive,
  engine: 'sqlite' | 'postgres',
): Promise<ImportReport> {
  return db.transaction(async (tx) => {
    const existing = await tx.all('SELECT id FROM partnerships WHERE id = ?', [
      archive.partnershipId,
    ]);
    if (existing.length > 0) {
      throw new PartnershipExistsError('This server already has that partnership.');
    }
    const report: ImportReport = { rows: {}, accountsMatched: 0, accountsCreated: 0 };
    const accountIds = new Map<unknown, unknown>();
    for (const spec of TABLES) {
      const rows = rowsOf(archive, spec);
      report.rows[spec.name] = rows.length;
      if (spec.name === 'accounts') {
        for (const account of rows) {
          accountIds.set(account.id, await adoptAccount(tx, account, report));
        }
        continue;
      }
      for (const row of rows) {
        if ('account_id' in row) row.account_id = accountIds.get(row.account_id);
        if (spec.name === 'partnerships') row.created_by = accountIds.get(row.created_by);
        await insert(tx, spec.name, spec.columns, row);
      }
    }
    if (engine === 'postgres') {
      // PostgreSQL numbers each document's log in doc_heads: go on from the archive's last.
      await tx.all(
        `INSERT INTO doc_heads (doc, last_seq)
         SELECT doc, MAX(seq) FROM (
           SELECT doc, seq FROM doc_updates WHERE substr(doc, 1, length(?)) = ?
           UNION ALL
           SELECT doc, through_seq FROM doc_snapshots WHERE substr(doc, 1, length(?)) = ?
         ) AS s GROUP BY doc`,
        Array<string>(4).fill(`${archive.partnershipId}/`),
      );
    }
    return report;
  });
}

async function adoptAccount(
  tx: RawTransaction,
  account: Record<string, unknown>,
  report: ImportReport,
): Promise<unknown> {
  const found = await tx.all('SELECT id FROM accounts WHERE lower(email) = lower(?)', [
    account.email,
  ]);
  if (found[0]) {
    report.accountsMatched++;
    return found[0][0];
  }
  // '!' is no scrypt hash: no password opens it until its owner sets one.
  await insert(
    tx,
    'accounts',
    ['id', 'email', 'password_hash', 'name', 'language', 'time_zone', 'created_at'],
    {
      ...account,
      password_hash: '!',
    },
  );
  report.accountsCreated++;
  return account.id;
}

function insert(
  tx: RawTransaction,
  table: string,
  columns: readonly string[],
  row: Record<string, unknown>,
): Promise<unknown> {
  return tx.all(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    columns.map((column) => row[column] ?? null),
  );
}
