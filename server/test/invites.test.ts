import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TandemServer } from '../src/server';
import {
  closeCode,
  connectClient,
  rawSocket,
  startTestServer,
  synced,
  tempDataDir,
  waitFor,
} from './helpers';
import { type Person, call, invite, join, signUp, twoSchools } from './people';

describe('invitations and members', () => {
  let server: TandemServer;
  let base: string;
  let id: string;
  let coordinatorA: Person;
  let coordinatorB: Person;

  beforeEach(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
    ({ id, coordinatorA, coordinatorB } = await twoSchools(base));
  });
  afterEach(async () => {
    vi.useRealTimers();
    await server.close();
  });

  const accept = (token: string, person: Person) =>
    call(base, 'POST', `/api/invites/${token}/accept`, undefined, person);

  it('previews an invitation in the invited school’s language and joins with its side and role', async () => {
    const token = await invite(base, coordinatorB, id, 'B', 'host-parent');
    const preview = await call(base, 'GET', `/api/invites/${token}`);
    expect(preview.body).toMatchObject({
      side: 'B',
      role: 'host-parent',
      state: 'valid',
      language: 'zh-Hans',
      schools: { A: 'Lincoln High School', B: '杭州第二中学' },
    });
    const parent = await signUp(base, '李华');
    expect((await accept(token, parent)).body).toEqual({
      partnershipId: id,
      side: 'B',
      role: 'host-parent',
    });
    const partnership = await call(base, 'GET', `/api/partnerships/${id}`, undefined, coordinatorA);
    expect(partnership.body).toMatchObject({
      members: expect.arrayContaining([
        expect.objectContaining({ name: 'Ana Coordinator', side: 'A', role: 'coordinator' }),
        expect.objectContaining({ name: '李华', side: 'B', role: 'host-parent' }),
      ]) as unknown,
    });
  });

  it('refuses forged, used-up and expired invitations, and members joining twice', async () => {
    expect(await accept('forged-token', await signUp(base))).toMatchObject({
      status: 404,
      body: { error: { code: 'INVITE_NOT_FOUND' } },
    });
    expect((await call(base, 'GET', '/api/invites/forged-token')).status).toBe(404);

    const once = await invite(base, coordinatorA, id, 'A', 'teacher', { maxUses: 1 });
    expect((await accept(once, await signUp(base))).status).toBe(200);
    expect(await accept(once, await signUp(base))).toMatchObject({
      status: 410,
      body: { error: { code: 'INVITE_USED_UP' } },
    });
    expect((await call(base, 'GET', `/api/invites/${once}`)).body).toMatchObject({
      state: 'usedUp',
    });

    const twice = await invite(base, coordinatorA, id, 'A', 'viewer', { maxUses: 5 });
    expect(await accept(twice, coordinatorA)).toMatchObject({
      status: 409,
      body: { error: { code: 'ALREADY_MEMBER' } },
    });

    const soon = await invite(base, coordinatorA, id, 'A', 'viewer', { expiresInHours: 1 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 60 * 60 * 1000);
    expect((await call(base, 'GET', `/api/invites/${soon}`)).body).toMatchObject({
      state: 'expired',
    });
    expect(await accept(soon, coordinatorB)).toMatchObject({
      status: 410,
      body: { error: { code: 'INVITE_EXPIRED' } },
    });
  });

  it('lets only coordinators invite, and each school invite only its own people', async () => {
    const teacherA = await join(base, coordinatorA, id, 'A', 'teacher');
    const create = (by: Person | null, side: string, role: string) =>
      call(base, 'POST', `/api/partnerships/${id}/invites`, { side, role }, by);
    expect((await create(teacherA, 'A', 'viewer')).status).toBe(403);
    expect((await create(null, 'A', 'viewer')).status).toBe(401);
    expect((await create(await signUp(base), 'A', 'viewer')).status).toBe(403);
    expect((await create(coordinatorA, 'B', 'teacher')).status).toBe(403);
    expect((await create(coordinatorA, 'B', 'coordinator')).status).toBe(403);
    expect((await create(coordinatorB, 'B', 'teacher')).status).toBe(201);
    expect((await create(coordinatorA, 'A', 'boss')).status).toBe(400);
  });

  it('lets a coordinator change roles in their own school, never removing its last coordinator', async () => {
    const teacherB = await join(base, coordinatorB, id, 'B', 'teacher');
    const partnership = await call(base, 'GET', `/api/partnerships/${id}`, undefined, coordinatorB);
    const members = (partnership.body as { members: { id: string; name: string }[] }).members;
    const teacherId = members.find((m) => m.name === 'teacher B')?.id ?? '';
    const coordinatorBId = members.find((m) => m.name === 'coordinator B')?.id ?? '';
    const patch = (by: Person, memberId: string, role: string) =>
      call(base, 'PATCH', `/api/partnerships/${id}/members/${memberId}`, { role }, by);

    expect((await patch(coordinatorA, teacherId, 'viewer')).status).toBe(403);
    expect((await patch(teacherB, teacherId, 'coordinator')).status).toBe(403);
    expect(await patch(coordinatorB, coordinatorBId, 'viewer')).toMatchObject({
      status: 409,
      body: { error: { code: 'LAST_COORDINATOR' } },
    });

    // The teacher's open connection may edit; after the change it reconnects read-only.
    const provider = connectClient(server.port, `${id}/agreement`, teacherB);
    await synced(provider);
    const reconnected = new Promise<number>((resolve) =>
      provider.once('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)),
    );
    expect((await patch(coordinatorB, teacherId, 'viewer')).status).toBe(200);
    expect(await reconnected).toBe(4001);
    await synced(provider);
    const raw = await rawSocket(server.port, `${id}/agreement`, teacherB);
    const messages: Uint8Array[] = [];
    raw.on('message', (m: Buffer) => messages.push(new Uint8Array(m)));
    raw.send(new Uint8Array([0, 2, 1, 0])); // an (empty) update: a viewer is told it is read-only
    await waitFor(() => messages.some((m) => m[0] === 2), 'permission denied message');
    provider.destroy();
    raw.close();
  });

  it('removes a member: their open connections close at once and they lose access', async () => {
    const parentB = await join(base, coordinatorB, id, 'B', 'host-parent');
    const partnership = await call(base, 'GET', `/api/partnerships/${id}`, undefined, coordinatorB);
    const members = (partnership.body as { members: { id: string; name: string }[] }).members;
    const parentId = members.find((m) => m.name === 'host-parent B')?.id ?? '';
    const ws = await rawSocket(server.port, `${id}/itinerary.B`, parentB);
    const closed = closeCode(ws);

    expect(
      (
        await call(
          base,
          'DELETE',
          `/api/partnerships/${id}/members/${parentId}`,
          undefined,
          coordinatorA,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await call(
          base,
          'DELETE',
          `/api/partnerships/${id}/members/${parentId}`,
          undefined,
          coordinatorB,
        )
      ).status,
    ).toBe(204);
    expect(await closed).toBe(4403);
    expect((await call(base, 'GET', `/api/partnerships/${id}`, undefined, parentB)).status).toBe(
      403,
    );
    const again = await rawSocket(server.port, `${id}/itinerary.B`, parentB);
    expect(await closeCode(again)).toBe(4403);
  });

  it('lets a coordinator edit their own school’s details only', async () => {
    const school = {
      name: 'Lincoln HS',
      city: 'Portland',
      country: 'US',
      timeZone: 'America/Los_Angeles',
      language: 'en',
      schoolHours: { start: '08:30', end: '15:30' },
    };
    const mine = await call(base, 'PATCH', `/api/partnerships/${id}/sides/A`, school, coordinatorA);
    expect(mine.body).toMatchObject({
      sides: { A: { name: 'Lincoln HS', schoolHours: { start: '08:30' } } },
    });
    expect(
      (await call(base, 'PATCH', `/api/partnerships/${id}/sides/B`, school, coordinatorA)).status,
    ).toBe(403);
    const badZone = await call(
      base,
      'PATCH',
      `/api/partnerships/${id}/sides/A`,
      { ...school, timeZone: 'Mars/Base' },
      coordinatorA,
    );
    expect(badZone.status).toBe(400);
    const unchanged = await call(base, 'GET', `/api/partnerships/${id}`, undefined, coordinatorA);
    expect(unchanged.body).toMatchObject({ sides: { A: { timeZone: 'America/Los_Angeles' } } });
  });
});
