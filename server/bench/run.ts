import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserFigures } from './browser';
import { coldLoads } from './coldLoad';
import { connectionsHeld, ladder } from './connectionsHeld';
import { largeAgreement, typeInClause } from './largeAgreement';
import { fanOutLatency, memoryPerDocKiB, typingStorm } from './measures';
import { pdfExportMs } from './pdfExport';
import { PINNING, pinThisProcess } from './pinning';
import { socketCeiling } from './processes';
import { atLeast, atMost, below, both, type Name, NAMES, noWorseThan, Report } from './report';
import {
  hocuspocusTarget,
  type Target,
  tandemClusterTarget,
  tandemTarget,
  yWebsocketTarget,
} from './targets';

/**
 * `npm run bench`: Tandem against the classic y-websocket server and Hocuspocus in the same
 * run. Every figure is measured in `--rounds` rounds (3 by default), the servers interleaved
 * round by round; the report shows each figure's median and its spread, and judges targets on
 * the medians. `--smoke` runs one round of a few seconds (CI).
 */
// Thousands of stock providers each listen for process exit.
process.setMaxListeners(0);
const isSmoke = process.argv.includes('--smoke');
const argument = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ROUNDS = Number(argument('rounds') ?? (isSmoke ? 1 : 3));
const ceiling = socketCeiling();
const SIZES = isSmoke
  ? {
      warmUp: { clients: 3, seconds: 0.5 },
      fanOut: [3],
      seconds: 1,
      storm: { clients: 10, seconds: 1 },
      docs: 20,
      edits: 2_000,
      large: { words: 60, threads: 4, clients: 3 },
      held: { steps: [20, 40], perRoom: 10, seconds: 1 },
      rooms: { steps: [10, 20], perRoom: 2, seconds: 1 },
      browser: { visits: 1, keystrokes: 10 },
    }
  : {
      warmUp: { clients: 50, seconds: 3 },
      fanOut: [2, 50, 200],
      seconds: 10,
      storm: { clients: 100, seconds: 20 },
      docs: 1_000,
      edits: 50_000,
      large: { words: 1_500, threads: 40, clients: 50 },
      held: { steps: ladder(1_000, ceiling), perRoom: 10, seconds: 3 },
      // Rooms of two (one typing, one reading): the ladder counts connections, two per room.
      rooms: { steps: ladder(1_000, ceiling), perRoom: 2, seconds: 3 },
      browser: { visits: 3, keystrokes: 40 },
    };

const STARTS: Record<Name, () => Promise<Target>> = {
  Tandem: tandemTarget,
  'Tandem cluster': tandemClusterTarget,
  'y-websocket': yWebsocketTarget,
  Hocuspocus: hocuspocusTarget,
};
// `--servers=Tandem,Hocuspocus` measures only those (for profiling; the report needs all).
const only = argument('servers')?.split(',');
const names = NAMES.filter((n) => !only || only.includes(n));
const report = new Report(!isSmoke);
/** What ended each ladder, per server and round (see connectionsHeld). */
const ends: string[] = [];

const record = report.record.bind(report);

/** Fan-out in a small room, `n` connections. */
async function fanOutFigures(target: Target, n: number) {
  const { p50, p99 } = await fanOutLatency(target, n, SIZES.seconds);
  record(`fan-out ${n} clients, p50`, 'ms', target.name, p50);
  const goal =
    n >= 200
      ? { text: '≤ faster reference, < 10 ms', check: both(fastest, below(10)) }
      : n >= 50
        ? { text: '≤ faster reference', check: fastest }
        : null;
  record(`fan-out ${n} clients, p99`, 'ms', target.name, p99, goal);
}

/** Fan-out in the large agreement, seeded into a room of its own each round. */
async function largeFanOut(target: Target, round: number) {
  const { words, threads, clients } = SIZES.large;
  const room = await target.agreementRoom(round);
  const release = await target.seed(room, largeAgreement(words, threads).agreement);
  const { p50, p99 } = await fanOutLatency(target, clients, SIZES.seconds, {
    room,
    edit: typeInClause,
  });
  release();
  record(`fan-out ${clients} clients in the large agreement, p50`, 'ms', target.name, p50);
  record(`fan-out ${clients} clients in the large agreement, p99`, 'ms', target.name, p99);
}

async function stormFigures(target: Target) {
  const { clients, seconds } = SIZES.storm;
  const { p50, p99 } = await typingStorm(target, clients, seconds);
  record(`typing storm ${clients} × 5/s, p50`, 'ms', target.name, p50);
  record(`typing storm ${clients} × 5/s, p99`, 'ms', target.name, p99, {
    text: '≤ Hocuspocus',
    check: noWorseThan('Hocuspocus'),
  });
}

async function memoryFigure(target: Target) {
  const perDoc = await memoryPerDocKiB(target, SIZES.docs);
  const figure = `memory per loaded document (${SIZES.docs} open, RSS delta)`;
  record(figure, 'KiB', target.name, perDoc, { text: '< 48 KiB', check: below(48) });
}

/** The connections and rooms ladders, each climbing until the server fails or the machine's top. */
async function ladders(target: Target, round: number) {
  const { name } = target;
  const held = await connectionsHeld(target, SIZES.held);
  record(`connections held, light editing, p99 < 100 ms`, '', name, held.held, {
    text: '≥ 5000',
    check: atLeast(5_000),
  });
  record('memory while holding the connections', 'MiB', name, held.rssMiB);
  const rooms = await connectionsHeld(target, SIZES.rooms);
  record('rooms held open (2 connections each), p99 < 100 ms', '', name, rooms.held / 2);
  record('memory while holding the rooms', 'MiB', name, rooms.rssMiB);
  ends.push(`${name} (round ${round + 1}): connections ${held.endedBy}, rooms ${rooms.endedBy}`);
  console.log(`${name}: p99 by connections`, held.p99, 'by rooms × 2', rooms.p99);
}

/**
 * One round: every server started fresh and warmed up (its hot paths compiled, as in
 * service), then each figure measured for one server after the other, the others idle
 * meanwhile, so that a slower minute of the machine falls on all of them alike.
 */
async function oneRound(round: number) {
  // Each round starts with a different server, so none is always measured first.
  const order = names.map((_, i) => names[(i + round) % names.length] as Name);
  const targets: Target[] = [];
  try {
    for (const name of order) targets.push(await STARTS[name]());
    const each = async (step: (target: Target) => Promise<void>) => {
      for (const target of targets) {
        // This process's garbage from the previous server is collected first.
        global.gc?.();
        await step(target);
      }
    };
    await each((t) =>
      fanOutLatency(t, SIZES.warmUp.clients, SIZES.warmUp.seconds).then(() => undefined),
    );
    for (const n of SIZES.fanOut) await each((t) => fanOutFigures(t, n));
    await each((t) => largeFanOut(t, round));
    await each(stormFigures);
    await each(memoryFigure);
    await each((t) => ladders(t, round));
  } finally {
    for (const target of targets) await target.stop();
  }
}

const fastest = noWorseThan('y-websocket', 'Hocuspocus');

/** Figures of Tandem alone: loading from storage, the PDF and the browser. */
async function tandemAlone() {
  const large = largeAgreement(SIZES.large.words, SIZES.large.threads);
  const loads = await coldLoads(SIZES.edits, large);
  report.record(`cold load + first sync, ${SIZES.edits} edits`, 'ms', 'Tandem', loads.typedMs, {
    text: '< 40 ms',
    check: below(40),
  });
  const largeName = `the large agreement (${large.edits} edits, ${SIZES.large.threads} threads)`;
  report.record(`cold load + first sync, ${largeName}`, 'ms', 'Tandem', loads.largeMs);
  report.record(
    `cold load of a partnership page, all 7 documents at once, with ${largeName}`,
    'ms',
    'Tandem',
    loads.allDocumentsMs,
  );
  report.record('signed PDF export, 12 bilingual clauses', 'ms', 'Tandem', await pdfExportMs(), {
    text: '< 1500 ms',
    check: below(1_500),
  });
  checkClientBundle();
  const inBrowser = await browserFigures(SIZES.browser.visits, SIZES.browser.keystrokes);
  const visits = `median of ${SIZES.browser.visits} visits`;
  const browserRows: [string, string, number, { text: string; check: typeof fastest } | null][] = [
    [
      `agreement, first visit: JavaScript transferred (${visits})`,
      'KiB',
      inBrowser.scriptKiB,
      { text: '≤ 200 KiB', check: atMost(200) },
    ],
    [
      `agreement, first visit: everything transferred (${visits})`,
      'KiB',
      inBrowser.firstLoadKiB,
      null,
    ],
    [
      `agreement, first visit: clause editable (${visits})`,
      'ms',
      inBrowser.editableMs,
      { text: '≤ 1000 ms', check: atMost(1_000) },
    ],
    [
      `agreement, first visit at 1.6 Mbit/s, 150 ms, CPU 4× slower: clause editable (${visits})`,
      'ms',
      inBrowser.editableWeakMs,
      { text: '≤ 4000 ms', check: atMost(4_000) },
    ],
    ['typing, browser to browser, p50', 'ms', inBrowser.typingP50, null],
    ['typing, browser to browser, p90', 'ms', inBrowser.typingP90, null],
  ];
  for (const [figure, unit, value, goal] of browserRows) {
    report.record(figure, unit, 'Tandem', value, goal);
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

function header(started: number): string {
  const minutes = Math.round((Date.now() - started) / 60_000);
  return [
    `Tandem (one node on SQLite), Tandem cluster (two nodes on PostgreSQL + Redis, each room's clients split across them), the classic y-websocket server (\`@y/websocket-server\` 0.1.1) and Hocuspocus 4.7${isSmoke ? ' (smoke sizes)' : ''}: ${ROUNDS} round${ROUNDS === 1 ? '' : 's'}, all servers started in each round and measured one after the other figure by figure, the first one changing from round to round (${minutes} min); each cell is the median of the rounds with their range (min–max), and targets are judged on the medians.`,
    `${os.cpus().length} cores, Node ${process.version}; ${PINNING.description}. Connection ladders climb to ${ceiling} (this machine's open-file limit less a margin).`,
  ].join('\n');
}

async function main() {
  const started = Date.now();
  pinThisProcess();
  for (let round = 0; round < ROUNDS; round++) {
    await oneRound(round);
    await tandemAlone();
    console.log(`round ${round + 1} of ${ROUNDS} done`);
  }
  const outDir = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = isSmoke ? 'smoke' : 'latest';
  const markdown = [
    report.markdown(header(started)),
    '',
    `Ladders ended by: ${ends.join('; ')} (latency: p99 passed 100 ms at the next step; connecting: a connection was refused; top: the ladder's last step, so a floor, not a limit).`,
    '',
    isSmoke
      ? 'Smoke sizes: targets not judged.'
      : `Targets missed on the medians: ${report.missed().join('; ') || 'none'}.`,
  ].join('\n');
  fs.writeFileSync(path.join(outDir, `${file}.md`), `${markdown}\n`);
  fs.writeFileSync(
    path.join(outDir, `${file}.json`),
    JSON.stringify(
      {
        smoke: isSmoke,
        rounds: ROUNDS,
        node: process.version,
        pinning: PINNING,
        ends,
        rows: report.json(),
      },
      null,
      2,
    ),
  );
  console.log(markdown);
  process.exit(0);
}

await main();
