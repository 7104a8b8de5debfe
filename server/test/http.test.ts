import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TandemServer } from '../src/server';
import { startTestServer, tempDataDir } from './helpers';

describe('HTTP', () => {
  let server: TandemServer;
  let base: string;
  let clientDir: string;

  async function start(withClient = true) {
    clientDir = tempDataDir();
    if (withClient) {
      fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Tandem</title>');
      fs.mkdirSync(path.join(clientDir, 'assets'));
      fs.writeFileSync(path.join(clientDir, 'assets', 'app-abc.js'), 'console.log(1)');
    }
    server = await startTestServer(tempDataDir(), { clientDir });
    base = `http://127.0.0.1:${server.port}`;
  }
  afterEach(() => server.close());

  it('answers GET /api/health (liveness) and GET /api/ready (readiness)', async () => {
    await start();
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    const expected = {
      ok: true,
      storage: 'ok',
      database: { engine: expect.any(String) as string, reachable: true },
      version: expect.any(String) as string,
    };
    expect(await health.json()).toEqual({ ...expected, live: true });
    const ready = await fetch(`${base}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual(expected);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    await start();
    const res = await fetch(`${base}/api/nope`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('serves the client, hashed assets cached for good, and index.html for client routes', async () => {
    await start();
    const asset = await fetch(`${base}/assets/app-abc.js`);
    expect(await asset.text()).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const route = await fetch(`${base}/d/some-draft`);
    expect(route.headers.get('content-type')).toContain('text/html');
    expect(await route.text()).toContain('<title>Tandem</title>');
  });

  it('never serves files outside the client folder', async () => {
    await start();
    fs.writeFileSync(path.join(path.dirname(clientDir), 'secret.txt'), 'secret');
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await fetch(`${base}${attempt}`);
      expect(await res.text()).not.toContain('secret');
    }
  });

  it('says how to build the client when it is missing', async () => {
    await start(false);
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { message: expect.stringContaining('npm run build') as string },
    });
  });
});
