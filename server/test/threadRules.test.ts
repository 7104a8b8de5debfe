import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { editComment, readThreads, setResolved, startThread } from '@tandem/shared/doc/threads';
import type { PartnershipView } from '@tandem/shared/api';
import type { TandemServer } from '../src/server';
import {
  connectClient,
  sendCrafted,
  startTestServer,
  synced,
  tempDataDir,
  waitFor,
} from './helpers';
import { call, join, type Person, twoSchools } from './people';

describe('comment threads, checked by the server', () => {
  let server: TandemServer;
  let id: string;
  let coordinatorA: Person;
  let teacherB: Person;
  let anaId: string;
  let teacherId: string;
  const room = () => `${id}/agreement.threads`;

  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    const base = `http://127.0.0.1:${server.port}`;
    let coordinatorB: Person;
    ({ id, coordinatorA, coordinatorB } = await twoSchools(base));
    teacherB = await join(base, coordinatorB, id, 'B', 'teacher');
    const { members } = (
      await call(base, 'GET', `/api/partnerships/${id}`, undefined, coordinatorA)
    ).body as PartnershipView;
    anaId = members.find((m) => m.name === 'Ana Coordinator')?.id ?? '';
    teacherId = members.find((m) => m.role === 'teacher')?.id ?? '';
    const ana = connectClient(server.port, room(), coordinatorA);
    await synced(ana);
    startThread(
      ana.doc,
      { id: 't1', target: { clauseId: 'purpose', lang: 'en' }, anchor: null },
      {
        id: 'c1',
        authorId: anaId,
        body: 'Two weeks each way.',
        mentions: [],
        at: 1,
        timeZone: 'UTC',
      },
    );
    await waitFor(() => server.registry.size > 0, 'room loaded');
    ana.destroy();
  });
  afterAll(() => server.close());

  /** What the teacher's raw client sends: `change` made on a synced copy, as one update. */
  const sentByTeacher = (change: (doc: Y.Doc) => void) =>
    sendCrafted(server.port, room(), teacherB, change, 500);

  async function serverThreads() {
    const check = connectClient(server.port, room(), coordinatorA);
    await synced(check);
    const threads = readThreads(check.doc);
    check.destroy();
    return threads;
  }

  it("refuses a raw client's edit of another member's comment and keeps the comment", async () => {
    expect(
      await sentByTeacher((doc) => editComment(doc, 't1', 'c1', 'Ana agrees to pay.', 2)),
    ).toBe(4403);
    expect((await serverThreads())[0]?.comments[0]?.body).toBe('Two weeks each way.');
  });

  it('refuses resolving a thread in another name, and accepts it in one’s own', async () => {
    expect(await sentByTeacher((doc) => setResolved(doc, 't1', true, anaId, 3))).toBe(4403);
    expect((await serverThreads())[0]?.resolved).toBe(false);
    expect(await sentByTeacher((doc) => setResolved(doc, 't1', true, teacherId, 3))).toBeNull();
    await waitFor(async () => (await serverThreads())[0]?.resolvedBy === teacherId, 'resolved');
  });
});
