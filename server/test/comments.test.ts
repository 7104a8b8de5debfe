import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PartnershipView } from '@tandem/shared/api';
import { getClauseText } from '@tandem/shared/doc/agreement';
import { anchorInText, anchorState } from '@tandem/shared/doc/anchors';
import { plainText } from '@tandem/shared/doc/fingerprint';
import { startThread } from '@tandem/shared/doc/threads';
import { wallClock } from '@tandem/shared/time';
import type { TandemServer } from '../src/server';
import { connectClient, startTestServer, synced, tempDataDir, waitFor } from './helpers';
import { type Person, call, join, twoSchools, inboxTotal } from './people';
import { confirmAddresses, linkToken, startSmtp } from './smtp';

/** A zone where it is now between 08:00 and 22:59, so a morning digest is due. */
function zoneInTheDay(): string {
  const zones = [
    'Asia/Shanghai',
    'Europe/London',
    'America/New_York',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
  ];
  const zone = zones.find((z) => {
    const { hour } = wallClock(Date.now(), z);
    return hour >= 8 && hour < 23;
  });
  if (!zone) throw new Error('no zone in its day');
  return zone;
}

describe('mention emails across a restart', () => {
  it('are still sent for a comment written just before the server restarted', async () => {
    const smtp = await startSmtp();
    const dir = tempDataDir();
    const options = { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, notifyEveryMs: 3_600_000 };
    const first = await startTestServer(dir, options);
    const base = `http://127.0.0.1:${first.port}`;
    const { id, coordinatorA, coordinatorB } = await twoSchools(base);
    await confirmAddresses(base, smtp.received, [coordinatorA, coordinatorB]);
    const { members } = (
      await call(base, 'GET', `/api/partnerships/${id}`, undefined, coordinatorA)
    ).body as PartnershipView;
    const ana = members.find((m) => m.name === 'Ana Coordinator');
    const writer = members.find((m) => m.side === 'B' && m.role === 'coordinator');
    if (!ana || !writer) throw new Error('members missing');
    const doc = new Y.Doc();
    const provider = connectClient(first.port, `${id}/agreement.threads`, coordinatorB, doc);
    await synced(provider);
    startThread(
      doc,
      { id: 't1', target: { clauseId: 'purpose', lang: 'en' }, anchor: null },
      {
        id: 'c1',
        authorId: writer.id,
        body: '@Ana Coordinator is two weeks enough?',
        mentions: [ana.id],
        at: Date.now(),
        timeZone: 'Asia/Shanghai',
      },
    );
    await waitFor(
      async () => (await inboxTotal(base, id, coordinatorA)) === 1,
      'the comment to be stored',
    );
    provider.destroy();
    await first.close();

    const second = await startTestServer(dir, options);
    await second.notifier?.tick();
    const mentions = smtp.received.filter((m) => m.raw.includes('(your time):'));
    expect(mentions.map((m) => m.to)).toEqual([coordinatorA.email]);
    await second.close();
    await smtp.close();
  });
});

describe('comments: unread state, inbox and email', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: TandemServer;
  let base: string;
  let id: string;
  let coordinatorA: Person;
  let coordinatorB: Person;
  let teacherB: Person;
  let members: PartnershipView['members'];

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTestServer(tempDataDir(), {
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      notifyEveryMs: 3_600_000, // ticks are driven by the test
    });
    base = `http://127.0.0.1:${server.port}`;
    ({ id, coordinatorA, coordinatorB } = await twoSchools(base));
    teacherB = await join(base, coordinatorB, id, 'B', 'teacher');
    await confirmAddresses(base, smtp.received, [coordinatorA, coordinatorB, teacherB]);
    members = (
      (await call(base, 'GET', `/api/partnerships/${id}`, undefined, coordinatorA))
        .body as PartnershipView
    ).members;
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  it('mails a mention once, keeps unread state per person, and sends a morning digest', async () => {
    const ana = members.find((m) => m.name === 'Ana Coordinator');
    const teacher = members.find((m) => m.role === 'teacher');
    if (!ana || !teacher) throw new Error('members missing');
    await call(base, 'PATCH', '/api/me', { timeZone: zoneInTheDay() }, coordinatorB);
    await call(base, 'PATCH', '/api/me', { timeZone: 'Asia/Shanghai' }, teacherB);

    const doc = new Y.Doc();
    const provider = connectClient(server.port, `${id}/agreement.threads`, teacherB, doc);
    await synced(provider);
    startThread(
      doc,
      { id: 't1', target: { clauseId: 'purpose', lang: 'zh-Hans' }, anchor: null },
      {
        id: 'c1',
        authorId: teacher.id,
        body: '@Ana Coordinator 两周够吗？',
        mentions: [ana.id],
        at: Date.now(),
        timeZone: 'Asia/Shanghai',
      },
    );
    const inbox = async (person: Person) =>
      (await call(base, 'GET', `/api/partnerships/${id}/inbox`, undefined, person)).body as {
        total: number;
        isEmailOn: boolean;
        items: { place: Record<string, string> }[];
      };
    await waitFor(
      async () => (await inbox(coordinatorA)).total === 1,
      'the comment to count as unread',
    );
    // The inbox names the clause the thread is on, in every language it has a title in.
    const [item] = (await inbox(coordinatorA)).items;
    expect(item?.place.en).toBe('Purpose of the partnership');
    expect(item?.place['zh-Hans']).toBeTruthy();
    expect((await inbox(teacherB)).total).toBe(0); // one's own comments are never "new"
    expect((await inbox(coordinatorA)).isEmailOn).toBe(true);

    await server.notifier?.tick();
    const mentions = smtp.received.filter((m) => m.raw.includes('(your time):'));
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.to).toBe(coordinatorA.email);
    await server.notifier?.tick();
    expect(smtp.received.filter((m) => m.raw.includes('(your time):'))).toHaveLength(1);

    // B's coordinator was not mentioned: the comment reaches them in their morning digest, once.
    const digestsToB = () =>
      smtp.received.filter((m) => m.to === coordinatorB.email && !linkToken(m.raw, 'confirm'));
    expect(digestsToB()).toHaveLength(1);
    expect(digestsToB()[0]?.raw).toContain('New comments since your last summary (1):');
    await server.notifier?.tick();
    expect(digestsToB()).toHaveLength(1);

    const read = await call(
      base,
      'POST',
      `/api/partnerships/${id}/threads/agreement.threads/reads`,
      { threadId: 't1' },
      coordinatorA,
    );
    expect(read.status).toBe(200);
    expect((await inbox(coordinatorA)).total).toBe(0);
    provider.destroy();
  });

  it('refuses unknown documents and outsiders', async () => {
    const bad = await call(
      base,
      'GET',
      `/api/partnerships/${id}/threads/agreement/reads`,
      undefined,
      coordinatorA,
    );
    expect(bad.status).toBe(404);
    const { coordinatorA: stranger } = await twoSchools(base);
    expect(
      (await call(base, 'GET', `/api/partnerships/${id}/inbox`, undefined, stranger)).status,
    ).toBe(403);
  });
});

describe('anchors through the server', () => {
  it('stay on the quoted words for everyone while two people edit around and inside them', async () => {
    const server = await startTestServer(tempDataDir());
    const base = `http://127.0.0.1:${server.port}`;
    const { id, coordinatorA } = await twoSchools(base);
    // Two people of the school whose version it is (each school writes its own language).
    const teacherA = await join(base, coordinatorA, id, 'A', 'teacher');
    const open = async (person: Person) => {
      const doc = new Y.Doc();
      const provider = connectClient(server.port, `${id}/agreement`, person, doc);
      await synced(provider);
      return { doc, provider };
    };
    const a = await open(coordinatorA);
    const b = await open(teacherA);
    const fragmentOf = (doc: Y.Doc) => getClauseText(doc, 'purpose', 'en');
    a.doc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('Students visit for two weeks.')]);
      fragmentOf(a.doc).insert(0, [p]);
    });
    await waitFor(() => fragmentOf(b.doc).length === 1, 'the text to reach B');
    const textOf = (doc: Y.Doc) => (fragmentOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const anchor = anchorInText(textOf(a.doc), 19, 28);

    textOf(a.doc).insert(0, 'All ');
    textOf(b.doc).insert(22, ' full');
    await waitFor(
      () =>
        plainText(fragmentOf(a.doc)) === plainText(fragmentOf(b.doc)) &&
        plainText(fragmentOf(a.doc)).length > 33,
      'both edits to converge',
    );
    for (const side of [a, b]) {
      expect(anchorState(fragmentOf(side.doc), anchor)).toEqual({
        isDetached: false,
        text: 'two full weeks',
      });
    }
    textOf(b.doc).delete(0, textOf(b.doc).length);
    await waitFor(() => plainText(fragmentOf(a.doc)) === '', 'the deletion to reach A');
    expect(anchorState(fragmentOf(a.doc), anchor)).toEqual({ isDetached: true });
    a.provider.destroy();
    b.provider.destroy();
    await server.close();
  });
});
