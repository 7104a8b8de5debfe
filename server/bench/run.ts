import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserFigures } from './browser';
import { coldLoadMs } from './coldLoad';
import { connectionsHeld, ladder } from './connectionsHeld';
import { fanOutLatency, type Latency, median, memoryPerDocKiB, typingStorm } from './measures';
import { pdfExportMs } from './pdfExport';
import {
  hocuspocusTarget,
  type Target,
  tandemClusterTarget,
  tandemTarget,
  yWebsocketTarget,
} from './targets';

/**
 * `npm run bench`: Tandem against the classic y-websocket server and Hocuspocus in the same
 * run. Each server runs alone in its own process while this process drives stock clients over
 * loopback. `--smoke` runs a few-second version (CI).
 */
// Thousands of stock providers each listen for process exit.
process.setMaxListeners(0);
const isSmoke = process.argv.includes('--smoke');
const SIZES = isSmoke
  ? {
      warmUp: { clients: 3, seconds: 0.5 },
      fanOut: [3],
      seconds: 1,
      rounds: 1,
      storm: { clients: 10, seconds: 1 },
      docs: 20,
      edits: 2_000,
      held: { steps: [20, 40], perRoom: 10, seconds: 1 },
      browser: { rounds: 1, keystrokes: 10 },
    }
  : {
      warmUp: { clients: 50, seconds: 3 },
      fanOut: [2, 50, 200],
      // Three rounds of 100 edits, the median reported: p99 differs by up to 1.5× between
      // single rounds of the same server, more than the servers differ.
      seconds: 10,
      rounds: 3,
      storm: { clients: 100, seconds: 30 },
      docs: 1_000,
      edits: 50_000,
      held: { steps: ladder(1_000), perRoom: 10, seconds: 4 },
      browser: { rounds: 5, keystrokes: 60 },
    };

type Name = Target['name'];
const NAMES: Name[] = ['Tandem', 'Tandem cluster', 'y-websocket', 'Hocuspocus'];
const STARTS = {
  Tandem: tandemTarget,
  'Tandem cluster': tandemClusterTarget,
  'y-websocket': yWebsocketTarget,
  Hocuspocus: hocuspocusTarget,
};
// `--servers=Tandem,Hocuspocus` measures only those (for profiling; the report needs all).
const only = process.argv.find((a) => a.startsWith('--servers='))?.slice('--servers='.length);
const starts = NAMES.filter((n) => !only || only.split(',').includes(n)).map((n) => STARTS[n]);
interface Row {
  figure: string;
  unit: string;
  target: string;
  values: Partial<Record<Name, number>>;
}
const rows: Row[] = [];
/** What ended each server's connections ladder (see connectionsHeld). */
const ends: Partial<Record<Name, string>> = {};
const round = (n: number) => Math.round(n * 100) / 100;

function record(figure: string, unit: string, target: string, name: Name, value: number) {
  let row = rows.find((r) => r.figure === figure);
  if (!row) {
    row = { figure, unit, target, values: {} };
    rows.push(row);
  }
  row.values[name] = round(value);
}

/** Every comparative figure for one server, which runs alone meanwhile. */
async function measure(start: () => Promise<Target>) {
  const target = await start();
  // Each server is measured warm (its hot paths compiled), as it runs in service, and with
  // this process's garbage from the previous server collected.
  await fanOutLatency(target, SIZES.warmUp.clients, SIZES.warmUp.seconds);
  global.gc?.();
  const { name } = target;
  try {
    for (const n of SIZES.fanOut) {
      const runs: Latency[] = [];
      for (let round = 0; round < SIZES.rounds; round++) {
        runs.push(await fanOutLatency(target, n, SIZES.seconds));
      }
      const p50 = median(runs.map((r) => r.p50));
      const p99 = median(runs.map((r) => r.p99));
      record(`fan-out ${n} clients, p50`, 'ms', '', name, p50);
      const target99 = n >= 50 ? `≤ faster reference${n >= 200 ? ', < 10 ms' : ''}` : '';
      record(`fan-out ${n} clients, p99`, 'ms', target99, name, p99);
    }
    const { clients, seconds } = SIZES.storm;
    const storm = await typingStorm(target, clients, seconds);
    record(`typing storm ${clients} × 5/s, p50`, 'ms', '', name, storm.p50);
    record(`typing storm ${clients} × 5/s, p99`, 'ms', '≤ Hocuspocus', name, storm.p99);
    record(
      `memory per loaded document (${SIZES.docs} open, RSS delta)`,
      'KiB',
      '< 48 KiB',
      name,
      await memoryPerDocKiB(target, SIZES.docs),
    );
    const held = await connectionsHeld(target, SIZES.held);
    const ceiling = SIZES.held.steps.at(-1) ?? 0;
    record(
      `connections held, light editing, p99 < 100 ms (ladder to ${ceiling})`,
      '',
      '≥ 5000',
      name,
      held.held,
    );
    record('memory while holding them', 'MiB', '', name, held.rssMiB);
    ends[name] = held.endedBy;
    console.log(`${name}: p99 by connections`, held.p99, `ended by ${held.endedBy}`);
  } finally {
    await target.stop();
  }
}

/** Code that must never ship to the browser: PDF rendering, fonts, calendar files. */
const SERVER_ONLY = /pdfmake|fontkit|BEGIN:VCALENDAR/;

/** The built client must not carry server code; the browser section measures what it costs. */
function checkClientBundle(): void {
  const assets = path.resolve(import.meta.dirname, '../../client/dist/assets');
  if (!fs.existsSync(assets)) throw new Error('client/dist is missing: run npm run build first');
  const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
  if (js.some((f) => SERVER_ONLY.test(fs.readFileSync(path.join(assets, f), 'utf8')))) {
    throw new Error('PDF or calendar code reached the client bundle');
  }
}

function ratio(row: Row, to: Name): number | null {
  const [t, r] = [row.values.Tandem, row.values[to]];
  return t !== undefined && r ? round(t / r) : null;
}

function table(): string {
  const cell = (value: number | null | undefined, unit: string) =>
    value === undefined || value === null ? '—' : `${value}${unit ? ` ${unit}` : ''}`;
  return [
    `Tandem (one node on SQLite), Tandem cluster (two nodes on PostgreSQL + Redis, each room's clients split across them), the classic y-websocket server (\`@y/websocket-server\` 0.1.1) and Hocuspocus 4.7, same run${isSmoke ? ' (smoke sizes)' : ''}; ${os.cpus().length} cores, Node ${process.version}.`,
    '',
    `| figure | ${NAMES.join(' | ')} | Tandem / y-websocket | Tandem / Hocuspocus | target |`,
    `|${Array(NAMES.length + 4)
      .fill('---')
      .join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${r.figure} | ${NAMES.map((n) => cell(r.values[n], r.unit)).join(' | ')} | ${cell(ratio(r, 'y-websocket'), '')} | ${cell(ratio(r, 'Hocuspocus'), '')} | ${r.target} |`,
    ),
    '',
    `Connections ladder ended by: ${NAMES.map((n) => `${n} ${ends[n] ?? '—'}`).join(', ')} (latency: p99 passed 100 ms at the next step; connecting: a connection was refused; top: the ladder's last step, this machine's open-file limit in a full run).`,
  ].join('\n');
}

async function main() {
  for (const start of starts) await measure(start);
  record(
    `cold load + first sync, ${SIZES.edits} edits`,
    'ms',
    '< 40 ms',
    'Tandem',
    await coldLoadMs(SIZES.edits),
  );
  record(
    'signed PDF export, 12 bilingual clauses',
    'ms',
    '< 1500 ms',
    'Tandem',
    await pdfExportMs(),
  );
  checkClientBundle();
  const inBrowser = await browserFigures(SIZES.browser.rounds, SIZES.browser.keystrokes);
  const visits = `median of ${SIZES.browser.rounds}`;
  record(
    `agreement, first visit: JavaScript transferred (${visits})`,
    'KiB',
    '≤ 200 KiB',
    'Tandem',
    inBrowser.scriptKiB,
  );
  record(
    `agreement, first visit: everything transferred (${visits})`,
    'KiB',
    '',
    'Tandem',
    inBrowser.firstLoadKiB,
  );
  record(
    `agreement, first visit: clause editable (${visits})`,
    'ms',
    '≤ 1000 ms',
    'Tandem',
    inBrowser.editableMs,
  );
  record(
    `agreement, first visit at 1.6 Mbit/s, 150 ms, CPU 4× slower: clause editable (${visits})`,
    'ms',
    '≤ 4000 ms',
    'Tandem',
    inBrowser.editableWeakMs,
  );
  record('typing, browser to browser, p50', 'ms', '', 'Tandem', inBrowser.typingP50);
  record('typing, browser to browser, p90', 'ms', '', 'Tandem', inBrowser.typingP90);

  const outDir = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const name = isSmoke ? 'smoke' : 'latest';
  const markdown = table();
  fs.writeFileSync(path.join(outDir, `${name}.md`), `${markdown}\n`);
  const json = rows.map((r) => ({
    ...r,
    tandemPerYWebsocket: ratio(r, 'y-websocket'),
    tandemPerHocuspocus: ratio(r, 'Hocuspocus'),
  }));
  fs.writeFileSync(
    path.join(outDir, `${name}.json`),
    JSON.stringify({ smoke: isSmoke, node: process.version, rows: json }, null, 2),
  );
  console.log(markdown);
  process.exit(0);
}

await main();
