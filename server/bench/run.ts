import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { openDatabase } from '../src/persistence/database';
import { SqliteDocumentStore } from '../src/persistence/SqliteDocumentStore';
import { type BenchClient, connect, fanOut, percentile } from './clients';
import { rssKiB, startReference, startTandem } from './processes';
import { pdfExportMs } from './pdfExport';

/**
 * `npm run bench`: Tandem against the reference y-websocket server in the same run, clients in
 * this process, servers in their own, loopback only. `--smoke` runs a few-second version (CI).
 */
// Hundreds of stock providers each listen for process exit.
process.setMaxListeners(0);
const isSmoke = process.argv.includes('--smoke');
const SIZES = isSmoke
  ? { fanOut: [2, 5], rounds: 2, storm: { clients: 10, seconds: 2 }, docs: 20, edits: 2_000 }
  : {
      fanOut: [2, 50, 200],
      rounds: 5,
      storm: { clients: 100, seconds: 30 },
      docs: 1_000,
      edits: 50_000,
    };

const repoRoot = path.resolve(import.meta.dirname, '../..');
type Row = {
  figure: string;
  tandem: number;
  reference: number | null;
  unit: string;
  target: string;
};
const rows: Row[] = [];
const round = (n: number) => Math.round(n * 100) / 100;

async function tandemAccount(url: string) {
  const email = `bench-${Date.now()}-${Math.random()}@school.example`;
  const res = await fetch(`${url}/api/accounts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({
      email,
      password: 'a long bench passphrase',
      name: 'Bench',
      language: 'en',
    }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const school = (language: string) => ({
    name: 'S',
    city: 'C',
    country: 'US',
    timeZone: 'UTC',
    language,
  });
  const partnership = async () => {
    const created = await fetch(`${url}/api/partnerships`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: url },
      body: JSON.stringify({ sideA: school('en'), sideB: school('zh-Hans') }),
    });
    return ((await created.json()) as { id: string }).id;
  };
  return { cookie, partnership };
}

async function closeAll(clients: BenchClient[]) {
  for (const c of clients) c.provider.destroy();
  await new Promise((resolve) => setTimeout(resolve, 300));
}

async function fanOutFigures(target: {
  sync: string;
  room: (i: number) => string;
  cookie: string | null;
}) {
  const out: Record<string, { p50: number; p99: number }> = {};
  for (const n of SIZES.fanOut) {
    const clients = await Promise.all(
      Array.from({ length: n }, () => connect(target.sync, target.room(0), target.cookie)),
    );
    const samples = await fanOut(clients, {
      senders: 1,
      editsPerSecond: 10,
      seconds: SIZES.rounds,
    });
    out[`fan-out ${n} clients`] = { p50: percentile(samples, 50), p99: percentile(samples, 99) };
    await closeAll(clients);
  }
  const storm = await Promise.all(
    Array.from({ length: SIZES.storm.clients }, () =>
      connect(target.sync, target.room(1), target.cookie),
    ),
  );
  const samples = await fanOut(storm, {
    senders: storm.length,
    editsPerSecond: 5,
    seconds: SIZES.storm.seconds,
  });
  out[`typing storm ${SIZES.storm.clients} × 5/s`] = {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
  };
  await closeAll(storm);
  return out;
}

async function memoryPerDoc(pid: number | undefined, open: (i: number) => Promise<BenchClient>) {
  const before = rssKiB(pid);
  const clients: BenchClient[] = [];
  for (let i = 0; i < SIZES.docs; i++) clients.push(await open(i));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const perDoc = (rssKiB(pid) - before) / SIZES.docs;
  await closeAll(clients);
  return perDoc;
}

async function coldLoadMs(): Promise<number> {
  const first = await startTandem();
  const account = await tandemAccount(first.url);
  const id = await account.partnership();
  await first.stop();
  // The history written straight into the store, compacted as the server would have.
  const store = new SqliteDocumentStore(openDatabase(first.dataDir));
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('bench');
  // Typing: mostly at the end of what one wrote, now and then back in the middle.
  for (let i = 0; i < SIZES.edits; i++) {
    text.insert(i % 100 === 99 ? Math.floor(text.length / 2) : text.length, 'x');
  }
  const room = `${id}/itinerary.A.threads`;
  for (let i = 0; i < updates.length; i += 1_000) {
    await store.append(
      room,
      updates.slice(i, i + 1_000).map((update) => ({ update, memberId: null, claims: [] })),
    );
  }
  await store.compact(room, Y.encodeStateAsUpdate(doc), updates.length);
  const server = await startTandem(first.dataDir);
  const started = performance.now();
  const client = await connect(`${server.url.replace('http', 'ws')}/sync`, room, account.cookie);
  const ms = performance.now() - started;
  if (client.doc.getText('bench').length !== SIZES.edits) throw new Error('cold load lost edits');
  await closeAll([client]);
  await server.stop();
  return ms;
}

function editorBundleKiB(): number {
  const assets = path.join(repoRoot, 'client/dist/assets');
  if (!fs.existsSync(assets)) return Number.NaN;
  const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
  return (
    js.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(assets, f))).length, 0) / 1024
  );
}

async function main() {
  const tandem = await startTandem();
  const reference = await startReference();
  try {
    const account = await tandemAccount(tandem.url);
    const rooms = [await account.partnership(), await account.partnership()];
    const tandemFigures = await fanOutFigures({
      sync: `${tandem.url.replace('http', 'ws')}/sync`,
      room: (i) => `${rooms[i]}/itinerary.A.threads`,
      cookie: account.cookie,
    });
    const referenceFigures = await fanOutFigures({
      sync: reference.url.replace('http', 'ws'),
      room: (i) => `bench-room-${i}`,
      cookie: null,
    });
    for (const [name, t] of Object.entries(tandemFigures)) {
      const r = referenceFigures[name];
      const target = name.startsWith('typing')
        ? '≤ reference'
        : name.includes('200')
          ? '≤ reference, < 10 ms'
          : '≤ reference';
      rows.push({
        figure: `${name}, p50`,
        tandem: round(t.p50),
        reference: r ? round(r.p50) : null,
        unit: 'ms',
        target: '',
      });
      rows.push({
        figure: `${name}, p99`,
        tandem: round(t.p99),
        reference: r ? round(r.p99) : null,
        unit: 'ms',
        target,
      });
    }
    const partnerships: string[] = [];
    for (let i = 0; i < SIZES.docs; i++) partnerships.push(await account.partnership());
    const tandemMemory = await memoryPerDoc(tandem.child.pid, (i) =>
      connect(
        `${tandem.url.replace('http', 'ws')}/sync`,
        `${partnerships[i]}/itinerary.B.threads`,
        account.cookie,
      ),
    );
    const referenceMemory = await memoryPerDoc(reference.child.pid, (i) =>
      connect(reference.url.replace('http', 'ws'), `memory-${i}`, null),
    );
    rows.push({
      figure: `memory per loaded document (${SIZES.docs} open, RSS delta)`,
      tandem: round(tandemMemory),
      reference: round(referenceMemory),
      unit: 'KiB',
      target: '< 48 KiB',
    });
  } finally {
    await tandem.stop();
    await reference.stop();
  }
  rows.push({
    figure: `cold load + first sync, ${SIZES.edits} edits`,
    tandem: round(await coldLoadMs()),
    reference: null,
    unit: 'ms',
    target: '< 40 ms',
  });
  rows.push({
    figure: 'signed PDF export, 12 bilingual clauses',
    tandem: round(await pdfExportMs()),
    reference: null,
    unit: 'ms',
    target: '< 1500 ms',
  });
  rows.push({
    figure: 'client JavaScript, gzip (all chunks)',
    tandem: round(editorBundleKiB()),
    reference: null,
    unit: 'KiB',
    target: '< 350 KiB',
  });

  const ratio = (r: Row) => (r.reference ? round(r.tandem / r.reference) : null);
  const table = [
    `Tandem vs the reference y-websocket server (\`@y/websocket-server\` 0.1.1), same run${isSmoke ? ' (smoke sizes)' : ''}.`,
    '',
    '| figure | Tandem | reference | Tandem / reference | target |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.figure} | ${r.tandem} ${r.unit} | ${r.reference ?? '—'}${r.reference === null ? '' : ` ${r.unit}`} | ${ratio(r) ?? '—'} | ${r.target} |`,
    ),
  ].join('\n');
  const outDir = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const name = isSmoke ? 'smoke' : 'latest';
  fs.writeFileSync(path.join(outDir, `${name}.md`), `${table}\n`);
  fs.writeFileSync(
    path.join(outDir, `${name}.json`),
    JSON.stringify(
      { smoke: isSmoke, node: process.version, rows: rows.map((r) => ({ ...r, ratio: ratio(r) })) },
      null,
      2,
    ),
  );
  console.log(table);
  process.exit(0);
}

await main();
