import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TandemServer } from '../src/server';
import { startTestServer, tempDataDir } from './helpers';

/** Sends a request exactly as written (no URL normalisation), resolving to status and body. */
function rawRequest(
  port: number,
  method: string,
  target: string,
  body?: string,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP attacks', () => {
  let server: TandemServer;
  let dataDir: string;
  let clientDir: string;

  beforeAll(async () => {
    dataDir = path.join(tempDataDir(), 'data');
    clientDir = tempDataDir();
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Tandem</title>');
    fs.mkdirSync(path.join(clientDir, 'assets'));
    fs.writeFileSync(path.join(clientDir, 'assets', 'app-abc.js'), 'console.log(1)');
    fs.writeFileSync(path.join(clientDir, 'assets', 'app-abc.js.map'), '{"sources":[]}');
    server = await startTestServer(dataDir, { clientDir });
  });
  afterAll(() => server.close());

  it('answers a malformed %-escape with 400 and keeps serving', async () => {
    for (const [method, target] of [
      ['GET', '/api/partnerships/%E0%A4%A'],
      ['GET', '/api/invites/%ZZ'],
      ['DELETE', '/api/partnerships/%/members/%C0'],
    ] as const) {
      const res = await rawRequest(server.port, method, target);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    }
    const health = await rawRequest(server.port, 'GET', '/api/health');
    expect(health.status).toBe(200);
  });

  it('sends the defence-in-depth headers on pages and API answers', async () => {
    for (const target of ['/', '/partnerships/x', '/api/health', '/api/nope']) {
      const { headers } = await rawRequest(server.port, 'GET', target);
      const csp = String(headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('never serves source maps', async () => {
    const res = await rawRequest(server.port, 'GET', '/assets/app-abc.js.map');
    expect(res.body).not.toContain('sources');
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('keeps the data folder and the database private to the server user', () => {
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, 'tandem.sqlite')).mode & 0o777).toBe(0o600);
  });
});

describe('HTTPS deployments', () => {
  it('send HSTS when PUBLIC_URL is https', async () => {
    const server = await startTestServer(tempDataDir(), { publicUrl: 'https://tandem.example' });
    try {
      const { headers } = await rawRequest(server.port, 'GET', '/api/health');
      expect(headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await server.close();
    }
  });
});
