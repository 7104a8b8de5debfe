import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PartnershipView } from '@tandem/shared/api';
import { getClauseText, prevailingOf } from '@tandem/shared/doc/agreement';
import { plainText } from '@tandem/shared/doc/fingerprint';
import {
  addListItem,
  readList,
  removeListItem,
  setListItemText,
  sideAnswers,
} from '@tandem/shared/doc/answers';
import { addItem, readItems, setVote } from '@tandem/shared/doc/itinerary';
import type { TandemServer } from '../src/server';
import {
  closeCode,
  connectClient,
  rawSocket,
  sendCrafted,
  startTestServer,
  synced,
  syncFrame,
  tempDataDir,
  waitFor,
} from './helpers';
import { type Person, call, join, twoSchools } from './people';

const itemsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('items');

/**
 * One school's editors, through a raw client that writes the update itself, against the
 * other school's parts: every forbidden write closes the connection with 4403 and changes
 * nothing; a school's own parts are written as before.
 */
describe('each school writes only its own parts', () => {
  let server: TandemServer;
  let base: string;
  let id: string;
  let coordinatorA: Person;
  let coordinatorB: Person;
  let hostParentA: Person;
  let memberIds: Map<string, string>;

  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
    ({ id, coordinatorA, coordinatorB } = await twoSchools(base));
    hostParentA = await join(base, coordinatorA, id, 'A', 'host-parent');
    const { members } = (
      await call(base, 'GET', `/api/partnerships/${id}`, undefined, coordinatorA)
    ).body as PartnershipView;
    memberIds = new Map(members.map((m) => [m.name, m.id]));
  });
  afterAll(() => server.close());

  const memberId = (name: string) => memberIds.get(name) ?? '';

  /** The server's copy of a document, as a fresh reader gets it. */
  async function serverCopy(document: string): Promise<Y.Doc> {
    const reader = connectClient(server.port, `${id}/${document}`, coordinatorA);
    await synced(reader);
    reader.destroy();
    return reader.doc;
  }

  /** `change` made on a synced copy and sent as one crafted update; the close code or null. */
  const send = (person: Person, document: string, change: (doc: Y.Doc) => void) =>
    sendCrafted(server.port, `${id}/${document}`, person, change);

  it('refuses rewriting the other school’s answers and accepts one’s own', async () => {
    expect(
      await send(coordinatorA, 'agreement', (doc) =>
        sideAnswers(doc, 'goals', 'B')?.set('students', 'B’s students learn nothing.'),
      ),
    ).toBe(4403);
    expect(
      sideAnswers(await serverCopy('agreement'), 'goals', 'B')?.get('students'),
    ).toBeUndefined();
    expect(
      await send(coordinatorA, 'agreement', (doc) =>
        sideAnswers(doc, 'goals', 'A')?.set('students', 'Our students learn Chinese.'),
      ),
    ).toBeNull();
    await waitFor(
      async () =>
        sideAnswers(await serverCopy('agreement'), 'goals', 'A')?.get('students') ===
        'Our students learn Chinese.',
      'own answer stored',
    );
  });

  it('refuses items in the other school’s list and items under another name', async () => {
    const item = (side: 'A' | 'B', by: string) => (doc: Y.Doc) =>
      addListItem(doc, 'cultural-exchange', side, {
        id: `i-${side}-${by}`,
        lang: 'en',
        text: 'Tai chi',
        by,
      });
    expect(await send(coordinatorA, 'agreement', item('B', memberId('coordinator B')))).toBe(4403);
    expect(await send(coordinatorA, 'agreement', item('A', memberId('coordinator B')))).toBe(4403);
    expect(
      await send(coordinatorA, 'agreement', item('A', memberId('Ana Coordinator'))),
    ).toBeNull();
    await waitFor(
      async () => readList(await serverCopy('agreement'), 'cultural-exchange', 'A').length === 1,
      'own list item stored',
    );
    expect(readList(await serverCopy('agreement'), 'cultural-exchange', 'B')).toEqual([]);
  });

  it('lets the other school word an item in its own language, and nothing more', async () => {
    const itemId = `i-A-${memberId('Ana Coordinator')}`;
    const word = (lang: string, text: string) => (doc: Y.Doc) =>
      setListItemText(doc, 'cultural-exchange', 'A', itemId, lang, text);
    // Rewording the item's own language, or a language the partnership does not use: refused.
    expect(await send(coordinatorB, 'agreement', word('en', 'Nothing'))).toBe(4403);
    expect(await send(coordinatorB, 'agreement', word('fr', 'Tai-chi'))).toBe(4403);
    expect(await send(coordinatorA, 'agreement', word('fr', 'Tai-chi'))).toBe(4403);
    expect(await send(coordinatorB, 'agreement', word('zh-Hans', '太极拳'))).toBeNull();
    await waitFor(async () => {
      const [item] = readList(await serverCopy('agreement'), 'cultural-exchange', 'A');
      return item?.text['zh-Hans'] === '太极拳' && item.text.en === 'Tai chi';
    }, 'the partner school’s wording stored beside the original');
    // Removing the item stays its own school's decision.
    expect(
      await send(coordinatorB, 'agreement', (doc) =>
        removeListItem(doc, 'cultural-exchange', 'A', itemId),
      ),
    ).toBe(4403);
    expect(readList(await serverCopy('agreement'), 'cultural-exchange', 'A')).toHaveLength(1);
  });

  it('refuses meta, new top-level data and a column in a third language', async () => {
    expect(
      await send(coordinatorB, 'agreement', (doc) =>
        doc.getMap('meta').set('prevailing', 'zh-Hans'),
      ),
    ).toBe(4403);
    expect(
      await send(coordinatorB, 'agreement', (doc) =>
        doc.getMap('meta').set('languages', ['zh-Hans']),
      ),
    ).toBe(4403);
    expect(await send(coordinatorB, 'agreement', (doc) => doc.getMap('evil').set('x', 1))).toBe(
      4403,
    );
    expect(
      await send(coordinatorB, 'agreement', (doc) => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText('Texte caché.')]);
        getClauseText(doc, 'purpose', 'fr').insert(0, [p]);
      }),
    ).toBe(4403);
    expect(prevailingOf(await serverCopy('agreement'))).toBe('equal');
    // The prevailing version is chosen through the API, by an editor.
    const chosen = await call(
      base,
      'PUT',
      `/api/partnerships/${id}/agreement/prevailing`,
      { prevailing: 'zh-Hans' },
      coordinatorB,
    );
    expect(chosen.status).toBe(200);
    await waitFor(
      async () => prevailingOf(await serverCopy('agreement')) === 'zh-Hans',
      'prevailing',
    );
    const bad = await call(
      base,
      'PUT',
      `/api/partnerships/${id}/agreement/prevailing`,
      { prevailing: 'fr' },
      coordinatorB,
    );
    expect(bad.status).toBe(400);
  });

  it('lets each school write only the version in its own language', async () => {
    const paragraph = (lang: string, text: string) => (doc: Y.Doc) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      getClauseText(doc, 'goals', lang).insert(0, [p]);
    };
    expect(await send(coordinatorA, 'agreement', paragraph('zh-Hans', 'B 校承担全部费用。'))).toBe(
      4403,
    );
    expect(
      await send(coordinatorB, 'agreement', paragraph('en', 'School A pays for everything.')),
    ).toBe(4403);
    expect(
      await send(coordinatorB, 'agreement', paragraph('zh-Hans', '两校共同学习。')),
    ).toBeNull();
    await waitFor(
      async () =>
        plainText(getClauseText(await serverCopy('agreement'), 'goals', 'zh-Hans')).includes(
          '两校共同学习',
        ),
      'own version stored',
    );
    expect(getClauseText(await serverCopy('agreement'), 'goals', 'en').length).toBe(0);
  });

  it('refuses forged votes, proposers, statuses and sensitive fields in an itinerary', async () => {
    // The host parent adds an item the ordinary way.
    expect(
      await send(hostParentA, 'itinerary.A', (doc) =>
        addItem(doc, {
          id: 'museum',
          date: null,
          kind: 'group-event',
          title: { en: 'Museum' },
          languages: ['en', 'zh-Hans'],
          proposedBy: 'A',
          status: 'agreed',
        }),
      ),
    ).toBeNull();
    await waitFor(
      async () => readItems(await serverCopy('itinerary.A')).length === 1,
      'item stored',
    );
    const attacks: [string, (doc: Y.Doc) => void][] = [
      ['a vote in another name', (doc) => setVote(doc, 'museum', memberId('coordinator B'), 'no')],
      ['a vote of nobody', (doc) => setVote(doc, 'museum', 'no-such-member', 'yes')],
      ['proposedBy changed', (doc) => itemsMap(doc).get('museum')?.set('proposedBy', 'B')],
      [
        'a status outside the vocabulary',
        (doc) => itemsMap(doc).get('museum')?.set('status', 'approved-by-b'),
      ],
      [
        'a sensitive field',
        (doc) => itemsMap(doc).get('museum')?.set('medicalNotes', 'Peanut allergy; 12 Elm St'),
      ],
      ['the leg’s host', (doc) => doc.getMap('meta').set('hostSide', 'B')],
      [
        'an item proposed in the other school’s name',
        (doc) =>
          addItem(doc, {
            id: 'fake',
            date: null,
            kind: 'meal',
            title: { en: 'Fake' },
            languages: ['en'],
            proposedBy: 'B',
            status: 'agreed',
          }),
      ],
    ];
    for (const [what, attack] of attacks) {
      expect(await send(hostParentA, 'itinerary.A', attack), what).toBe(4403);
    }
    const [museum, ...others] = readItems(await serverCopy('itinerary.A'));
    expect(others).toEqual([]);
    expect(museum).toMatchObject({ proposedBy: 'A', status: 'agreed', votes: {} });
    expect(
      itemsMap(await serverCopy('itinerary.A'))
        .get('museum')
        ?.has('medicalNotes'),
    ).toBe(false);
  });

  it('refuses unknown top-level data in threads and an update that waits for missing changes', async () => {
    expect(
      await send(coordinatorA, 'agreement.threads', (doc) => doc.getMap('notes').set('x', 1)),
    ).toBe(4403);
    // An update built on changes the server never received would sit pending, unchecked.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(await serverCopy('agreement')));
    getClauseText(elsewhere, 'purpose', 'en').insert(0, [new Y.XmlElement('paragraph')]);
    const missing = Y.encodeStateVector(elsewhere);
    getClauseText(elsewhere, 'purpose', 'en').insert(0, [new Y.XmlElement('paragraph')]);
    const ws = await rawSocket(server.port, `${id}/agreement`, coordinatorA);
    const closed = closeCode(ws);
    ws.send(syncFrame(2, Y.encodeStateAsUpdate(elsewhere, missing)));
    expect(await closed).toBe(4403);
  });
});
