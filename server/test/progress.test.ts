import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PartnershipProgress } from '@tandem/shared/api';
import { addItem, legDates, readMeta } from '@tandem/shared/doc/itinerary';
import type { TandemServer } from '../src/server';
import { connectClient, startTestServer, synced, tempDataDir, waitFor } from './helpers';
import { freezeAgreement } from './agreementFlow';
import { type Person, call, signUp, twoSchools } from './people';

describe('a partnership’s progress (GET /api/partnerships/:id/progress)', () => {
  let server: TandemServer;
  let base: string;
  let id: string;
  let coordinatorA: Person;
  let coordinatorB: Person;
  const progress = async (person: Person | null = coordinatorA) =>
    call(base, 'GET', `/api/partnerships/${id}/progress`, undefined, person);

  beforeEach(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
    ({ id, coordinatorA, coordinatorB } = await twoSchools(base));
  });
  afterEach(() => server.close());

  it('starts with nothing written and a draft', async () => {
    const { status, body } = await progress();
    expect(status).toBe(200);
    const view = body as PartnershipProgress;
    expect(view.agreement.clauses).toBeGreaterThan(5);
    expect(view.agreement).toMatchObject({ written: 0, aligned: 0, approved: { A: 0, B: 0 } });
    expect(view.signing).toMatchObject({ phase: 'draft', signed: { A: false, B: false } });
  });

  it('counts what was written, aligned and approved, and the signing', async () => {
    await freezeAgreement(base, server.port, id, coordinatorA, coordinatorB);
    const view = (await progress(coordinatorB)).body as PartnershipProgress;
    expect(view.agreement).toEqual({
      clauses: 1,
      written: 1,
      aligned: 1,
      approved: { A: 1, B: 1 },
    });
    expect(view.signing.phase).toBe('signing');
  });

  it('counts planned days and open proposals of a leg', async () => {
    const doc = new Y.Doc();
    const leg = connectClient(server.port, `${id}/itinerary.A`, coordinatorA, doc);
    await synced(leg);
    const meta = readMeta(doc);
    if (!meta) throw new Error('the leg has no dates');
    const days = legDates(meta);
    const item = (n: number, date: string | undefined) => ({
      id: `item-${n}`,
      date: date ?? null,
      kind: 'group-event' as const,
      title: { en: 'Museum' },
      languages: ['en'],
      proposedBy: 'A' as const,
      status: 'proposed' as const,
    });
    [days[0], days[0], days[1]].forEach((date, n) => addItem(doc, item(n, date)));
    await waitFor(async () => {
      const view = (await progress()).body as PartnershipProgress;
      return view.itineraries.A.planned === 2;
    }, 'the items to count');
    const view = (await progress()).body as PartnershipProgress;
    expect(view.itineraries.A).toEqual({ days: days.length, planned: 2, open: 3 });
    expect(view.itineraries.B.planned).toBe(0);
    leg.destroy();
  });

  it('tells nothing to someone outside the partnership, or signed out', async () => {
    const outsider = await signUp(base, 'Outsider');
    const refused = await progress(outsider);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain('agreement');
    expect((await progress(null)).status).toBe(401);
  });
});

describe('a refused body names its wrong fields', () => {
  it('answers 400 with the paths of the fields to fix', async () => {
    const server = await startTestServer(tempDataDir());
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const person = await signUp(base, 'Marta');
      const school = {
        name: 'IES Cervantes',
        city: 'Madrid',
        country: 'ES',
        timeZone: 'Madrid',
        language: 'Spanish!',
        schoolHours: { start: '08:00', end: '15:00' },
      };
      const { status, body } = await call(
        base,
        'POST',
        '/api/partnerships',
        { sideA: school, sideB: { ...school, name: '' } },
        person,
      );
      expect(status).toBe(400);
      const { fields } = (body as { error: { fields: string[] } }).error;
      expect(fields).toEqual(
        expect.arrayContaining(['sideA.timeZone', 'sideA.language', 'sideB.name']),
      );
      expect(fields).not.toContain('sideA.name');
    } finally {
      await server.close();
    }
  });
});
