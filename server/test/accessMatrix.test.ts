import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_NAMES } from '@tandem/shared/doc/documents';
import { ROLES, type Role, SIDES, type Side } from '@tandem/shared/people';
import { permissionFor } from '@tandem/shared/permissions';
import type { TandemServer } from '../src/server';
import { closeCode, connectClient, synced, startTestServer, tempDataDir, waitFor } from './helpers';
import { hasMark, writeMark } from './marks';
import { type Person, call, join, signUp, twoSchools } from './people';

/**
 * Every role of both schools against every document, with real providers: writers' edits
 * reach others; everyone else's are dropped, leaving the server's copy and every client as
 * they were. Then the HTTP actions by role.
 */
describe('permission matrix, enforced by the server', () => {
  let server: TandemServer;
  let base: string;
  let id: string;
  const people = new Map<string, { person: Person; role: Role; side: Side; memberId: string }>();

  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
    const { id: pid, coordinatorA, coordinatorB } = await twoSchools(base);
    id = pid;
    const coordinators = { A: coordinatorA, B: coordinatorB };
    for (const side of SIDES) {
      for (const role of ROLES) {
        const person =
          role === 'coordinator'
            ? coordinators[side]
            : await join(base, coordinators[side], id, side, role);
        const view = await call(base, 'GET', `/api/partnerships/${id}`, undefined, person);
        const { memberId } = (view.body as { you: { memberId: string } }).you;
        people.set(`${role} ${side}`, { person, role, side, memberId });
      }
    }
  });
  afterAll(() => server.close());

  for (const document of DOCUMENT_NAMES) {
    it(`applies the matrix to ${document} over WebSocket`, async () => {
      const room = `${id}/${document}`;
      const watcher = connectClient(server.port, room, people.get('viewer A')!.person);
      await synced(watcher);
      for (const [name, { person, role, side, memberId }] of people) {
        const provider = connectClient(server.port, room, person);
        await synced(provider);
        const mark = `[${name}]`;
        writeMark(provider.doc, document, mark, { memberId, side });
        if (permissionFor(role, side, document) === 'edit') {
          await waitFor(() => hasMark(watcher.doc, document, mark), `${name} edits ${document}`);
        } else {
          await new Promise((resolve) => setTimeout(resolve, 150));
          expect(hasMark(watcher.doc, document, mark), `${name} must not change ${document}`).toBe(
            false,
          );
          const fresh = connectClient(server.port, room, person);
          await synced(fresh);
          expect(hasMark(fresh.doc, document, mark), `server copy of ${document}`).toBe(false);
          fresh.destroy();
        }
        provider.destroy();
      }
      watcher.destroy();
    });
  }

  it('refuses anonymous (4401), outsiders (4403) and cross-site pages (4403)', async () => {
    const outsider = await signUp(base);
    const open = (headers: Record<string, string>) =>
      closeCode(new WebSocket(`ws://127.0.0.1:${server.port}/sync/${id}/agreement`, { headers }));
    expect(await open({})).toBe(4401);
    expect(await open({ cookie: outsider.cookie })).toBe(4403);
    const coordinator = people.get('coordinator A')!.person;
    expect(await open({ cookie: coordinator.cookie, origin: 'https://evil.example' })).toBe(4403);
  });

  it('applies the matrix to HTTP actions', async () => {
    const outsider = await signUp(base);
    for (const [name, { person, role, side }] of people) {
      const read = await call(base, 'GET', `/api/partnerships/${id}`, undefined, person);
      expect(read.status, `${name} reads the partnership`).toBe(200);
      const inviteOwn = await call(
        base,
        'POST',
        `/api/partnerships/${id}/invites`,
        { side, role: 'viewer' },
        person,
      );
      expect(inviteOwn.status, `${name} invites`).toBe(role === 'coordinator' ? 201 : 403);
      const school = (read.body as { sides: Record<Side, unknown> }).sides[side];
      const edit = await call(
        base,
        'PATCH',
        `/api/partnerships/${id}/sides/${side}`,
        school,
        person,
      );
      expect(edit.status, `${name} edits the school`).toBe(role === 'coordinator' ? 200 : 403);
    }
    expect((await call(base, 'GET', `/api/partnerships/${id}`, undefined, outsider)).status).toBe(
      403,
    );
    expect((await call(base, 'GET', `/api/partnerships/${id}`)).status).toBe(401);
  });
});
