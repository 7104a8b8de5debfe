import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { signingStateOf } from '@tandem/shared/doc/status';
import { readThreads, startThread } from '@tandem/shared/doc/threads';
import { CloseCode } from '@tandem/shared/protocol';
import {
  closeCode,
  connectClient,
  rawSocket,
  synced,
  tempDataDir,
  testText,
  textOf,
  waitFor,
} from './helpers';
import { freezeAgreement } from './agreementFlow';
import { call, join, twoSchools } from './people';
import { freshPostgres } from './postgres';
import { kill9, startProcess } from './processes';
import { privatePostgres, privateRedis } from './services';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two Tandem nodes on one PostgreSQL database (a fresh schema by default), linked through Redis. */
async function twoNodes(redisUrl = REDIS_URL, databaseUrl?: string) {
  const { url, drop } = databaseUrl
    ? { url: databaseUrl, drop: () => Promise.resolve() }
    : await freshPostgres();
  // One data folder for both: it holds the seal, which every node signs and verifies with.
  const dataDir = tempDataDir();
  // The sign-up limit is counted in Redis, across runs: the tests sign up many people.
  const env = { DATABASE_URL: url, REDIS_URL: redisUrl, SIGNUPS_PER_ADDRESS_PER_HOUR: '100000' };
  const nodes = [await startProcess(dataDir, 0, env), await startProcess(dataDir, 0, env)];
  return { nodes, env, dataDir, drop };
}

describe('a cluster of two nodes on PostgreSQL and Redis', () => {
  const children: ChildProcess[] = [];
  const providers: WebsocketProvider[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy();
    for (const child of children.splice(0)) child.kill('SIGKILL');
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function start(redisUrl?: string, databaseUrl?: string) {
    const cluster = await twoNodes(redisUrl, databaseUrl);
    children.push(...cluster.nodes.map((n) => n.child));
    cleanups.push(cluster.drop);
    const [one, two] = cluster.nodes.map((n) => n.port) as [number, number];
    const base = (port: number) => `http://127.0.0.1:${port}`;
    const school = await twoSchools(base(one));
    return { ...cluster, one, two, base, ...school };
  }

  /** Two writers of school A's English column in the agreement, one on each node, synced. */
  async function writersOnBothNodes({
    one,
    two,
    base,
    id,
    coordinatorA,
  }: Awaited<ReturnType<typeof start>>) {
    const teacherA = await join(base(one), coordinatorA, id, 'A', 'teacher');
    const room = `${id}/agreement`;
    const a = connectClient(one, room, coordinatorA);
    const b = connectClient(two, room, teacherA);
    providers.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    return { a, b, room, teacherA };
  }

  it('keeps one document in step for clients split across both nodes', async () => {
    const cluster = await start();
    const { one, two, coordinatorA } = cluster;
    const { a, b, room } = await writersOnBothNodes(cluster);
    // Concurrent typing on both nodes, at the same place.
    for (let i = 0; i < 40; i++) {
      testText(a.doc).insert(0, 'a');
      testText(b.doc).insert(0, 'b');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(
      () => textOf(a.doc).length === 80 && textOf(a.doc) === textOf(b.doc),
      'both clients to converge',
      10_000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}: a ${textOf(a.doc).length}, b ${textOf(b.doc).length}`);
    });
    // What is stored is what they see, from either node.
    for (const port of [one, two]) {
      const reader = connectClient(port, room, coordinatorA);
      providers.push(reader);
      await synced(reader);
      expect(textOf(reader.doc)).toBe(textOf(a.doc));
    }
  });

  it('shows presence from one node on the other', async () => {
    const { one, two, id, coordinatorA, coordinatorB } = await start();
    const room = `${id}/agreement`;
    const a = connectClient(one, room, coordinatorA);
    const b = connectClient(two, room, coordinatorB);
    providers.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    a.awareness.setLocalStateField('user', { name: 'anyone', color: '#123456' });
    await waitFor(
      () =>
        [...b.awareness.getStates().values()].some(
          (s) => (s as { user?: { color?: string } }).user?.color === '#123456',
        ),
      'node two to show the presence set on node one',
    );
  });

  it('shows a node that opens the room later the presence set before, without waiting', async () => {
    const { one, two, id, coordinatorA, coordinatorB } = await start();
    const room = `${id}/agreement`;
    const a = connectClient(one, room, coordinatorA);
    providers.push(a);
    await synced(a);
    a.awareness.setLocalStateField('user', { name: 'early', color: '#654321' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Node two loads the room only now; clients renew presence every 15 s, so this is the
    // query a subscribing node sends.
    const b = connectClient(two, room, coordinatorB);
    providers.push(b);
    await synced(b);
    await waitFor(
      () =>
        [...b.awareness.getStates().values()].some(
          (s) => (s as { user?: { color?: string } }).user?.color === '#654321',
        ),
      'node two to show the presence set on node one before it had the room',
      3_000,
    );
  });

  it('ends a removed member’s connection on the other node at once', async () => {
    const { one, two, base, id, coordinatorA } = await start();
    const teacher = await join(base(one), coordinatorA, id, 'A', 'teacher');
    const ws = await rawSocket(two, `${id}/agreement`, teacher);
    const closed = closeCode(ws);
    const members = (
      await call(base(one), 'GET', `/api/partnerships/${id}`, undefined, coordinatorA)
    ).body as { members: { id: string; name: string }[] };
    const member = members.members.find((m) => m.name === 'teacher A');
    expect(member).toBeDefined();
    const removed = await call(
      base(one),
      'DELETE',
      `/api/partnerships/${id}/members/${member?.id}`,
      undefined,
      coordinatorA,
    );
    expect(removed.status).toBe(204);
    expect(await closed).toBe(CloseCode.forbidden);
  });

  it('loses no acknowledged edit when a node is killed in a typing storm', async () => {
    const { one, two, nodes, id, coordinatorA, coordinatorB } = await start();
    const room = `${id}/agreement`;
    const writer = connectClient(one, room, coordinatorA);
    const watcher = connectClient(two, room, coordinatorB);
    providers.push(writer, watcher);
    await Promise.all([synced(writer), synced(watcher)]);
    const text = testText(writer.doc);
    const typing = setInterval(() => text.insert(text.length, 'x'), 2);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await kill9(nodes[0]!.child);
    clearInterval(typing);
    // What node two's client received, node one had stored: it survives node one's death.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seen = textOf(watcher.doc);
    expect(seen.length).toBeGreaterThan(0);
    writer.destroy();
    const reader = connectClient(two, room, coordinatorA);
    providers.push(reader);
    await synced(reader);
    expect(textOf(reader.doc).startsWith(seen)).toBe(true);
  });

  it('counts failed sign-ins on every node together', async () => {
    const { one, two, base, coordinatorA } = await start();
    const wrong = { email: coordinatorA.email, password: 'not the password at all' };
    // One typo is free; the second sets a delay that the other node must honour too.
    for (const port of [one, one]) {
      expect((await call(base(port), 'POST', '/api/sessions', wrong)).status).toBe(401);
    }
    expect((await call(base(two), 'POST', '/api/sessions', wrong)).status).toBe(429);
  });

  it('converges again without losing an edit when Redis restarts', async () => {
    const redis = await privateRedis();
    cleanups.push(() => redis.stop());
    const { a, b } = await writersOnBothNodes(await start(redis.url));
    testText(a.doc).insert(0, 'before ');
    await waitFor(() => textOf(b.doc).includes('before'), 'the first edit across nodes');
    await redis.restart();
    // Written while Redis was away or just back: stored in PostgreSQL all the same.
    testText(a.doc).insert(0, 'during ');
    testText(b.doc).insert(0, 'other ');
    await waitFor(
      () =>
        textOf(a.doc) === textOf(b.doc) &&
        textOf(a.doc).includes('during') &&
        textOf(a.doc).includes('other'),
      'both nodes to converge after Redis came back',
      15_000,
    );
  });

  it('stores the edits made while PostgreSQL restarted once it is back', async () => {
    const database = await privatePostgres();
    cleanups.push(() => database.stop());
    const cluster = await start(undefined, database.url);
    const { one, two, base } = cluster;
    const { a, b, room, teacherA } = await writersOnBothNodes(cluster);
    await database.restart(async () => {
      testText(a.doc).insert(0, 'while the database was down ');
      await waitFor(
        async () => (await fetch(`${base(one)}/api/ready`)).status === 503,
        'readiness to report the database',
      );
    });
    await waitFor(
      () => textOf(b.doc).includes('while the database was down'),
      'the edit to be stored and reach the other node',
      20_000,
    );
    const reader = connectClient(two, room, teacherA);
    providers.push(reader);
    await synced(reader);
    expect(textOf(reader.doc)).toContain('while the database was down');
  });

  it('brings a comment, approvals and a freeze made through node one to node two live', async () => {
    const { one, two, base, id, coordinatorA, coordinatorB } = await start();
    // Opened on node two before anything happens on node one.
    const status = connectClient(two, `${id}/status`, coordinatorB);
    const threads = connectClient(two, `${id}/agreement.threads`, coordinatorB);
    const agreement = await rawSocket(two, `${id}/agreement`, coordinatorB);
    providers.push(status, threads);
    await Promise.all([synced(status), synced(threads)]);
    const reopened = closeCode(agreement);

    const writer = connectClient(one, `${id}/agreement.threads`, coordinatorA);
    providers.push(writer);
    await synced(writer);
    const members = (
      await call(base(one), 'GET', `/api/partnerships/${id}`, undefined, coordinatorA)
    ).body as { you: { memberId: string } };
    startThread(
      writer.doc,
      { id: 't1', target: { clauseId: 'purpose', lang: 'en' }, anchor: null },
      {
        id: 'c1',
        authorId: members.you.memberId,
        body: 'Across nodes',
        mentions: [],
        at: Date.now(),
        timeZone: 'UTC',
      },
    );
    await waitFor(() => readThreads(threads.doc).length === 1, 'the comment on node two');

    await freezeAgreement(base(one), one, id, coordinatorA, coordinatorB);
    await waitFor(() => signingStateOf(status.doc).phase === 'signing', 'the freeze on node two');
    expect(await reopened).toBe(CloseCode.rightsChanged);
  });
});
