import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TandemServer } from '../src/server';
import { RETENTION } from '../src/workflows/versionRetention';
import { startTestServer, tempDataDir } from './helpers';
import { type Person, call, createPartnership } from './people';

/** Named versions keep whole states: an editor cannot fill the disk with them. */
describe('version limits', () => {
  let server: TandemServer;
  let base: string;
  let id: string;
  let coordinator: Person;

  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
    ({ id, coordinatorA: coordinator } = await createPartnership(base));
  });
  afterAll(() => server.close());

  it('refuses named versions past the hourly rate with 429 and Retry-After', async () => {
    const keep = (n: number) =>
      call(
        base,
        'POST',
        `/api/partnerships/${id}/agreement/versions`,
        { name: `v${n}` },
        coordinator,
      );
    for (let n = 0; n < RETENTION.namedPerHour; n++) expect((await keep(n)).status).toBe(201);
    const refused = await keep(RETENTION.namedPerHour);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const listed = await call(
      base,
      'GET',
      `/api/partnerships/${id}/agreement/versions`,
      undefined,
      coordinator,
    );
    expect((listed.body as unknown[]).length).toBe(RETENTION.namedPerHour);
  });
});
