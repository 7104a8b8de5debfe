import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TandemServer } from '../src/server';
import { connectClient, startTestServer, synced, tempDataDir, testText, waitFor } from './helpers';
import { call, createPartnership, join, PASSWORD } from './people';
import { engineEnv } from './processes';

const TOKEN = 'a-scraper-token-of-some-length';

/** Prometheus text: `# HELP`/`# TYPE` lines and `name{labels} value` samples, nothing else. */
function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (-?[0-9.e+-]+|NaN|[+-]Inf)$/i.exec(
      line,
    );
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    samples.set(match[1] ?? '', Number(match[2]));
  }
  return samples;
}

async function scrape(base: string): Promise<Map<string, number>> {
  const res = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return parsePrometheus(await res.text());
}

describe('metrics', () => {
  let server: TandemServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('are off without METRICS_TOKEN, and need the token when on', async () => {
    server = await startTestServer(tempDataDir());
    const off = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    expect(off.status).toBe(404);
    await server.close();
    server = await startTestServer(tempDataDir(), { metricsToken: TOKEN });
    const base = `http://127.0.0.1:${server.port}`;
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const res = await fetch(`${base}/metrics`, {
        headers: authorization ? { Authorization: authorization } : {},
      });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain('tandem_');
    }
  });

  it('parse as Prometheus text and move when a client edits or is refused', async () => {
    server = await startTestServer(tempDataDir(), { metricsToken: TOKEN });
    const base = `http://127.0.0.1:${server.port}`;
    const before = await scrape(base);
    expect(before.get('tandem_updates_stored_total')).toBe(0);
    const { id, coordinatorA } = await createPartnership(base);
    const writer = connectClient(server.port, `${id}/agreement`, coordinatorA);
    await synced(writer);
    testText(writer.doc).insert(0, 'Counted ');
    const reader = await join(base, coordinatorA, id, 'A', 'host-parent');
    const readOnly = connectClient(server.port, `${id}/agreement`, reader);
    await synced(readOnly);
    testText(readOnly.doc).insert(0, 'Refused ');
    await waitFor(
      async () =>
        ((await scrape(base)).get('tandem_refused_updates_total{reason="readOnly"}') ?? 0) > 0,
      'the refusal to be counted',
    );
    const after = await scrape(base);
    expect(after.get('tandem_updates_stored_total')).toBeGreaterThan(0);
    expect(after.get('tandem_fanout_seconds_count')).toBeGreaterThan(0);
    expect(after.get('tandem_store_seconds_count')).toBeGreaterThan(0);
    expect(after.get('tandem_connections')).toBe(2);
    expect(after.get('tandem_rooms')).toBeGreaterThanOrEqual(1);
    // Routes are named by pattern: the partnership's id never becomes a label.
    expect(after.get('tandem_http_responses_total{route="/api/partnerships",status="201"}')).toBe(
      1,
    );
    expect([...after.keys()].some((key) => key.includes(id))).toBe(false);
    await fetch(`${base}/api/nothing-here/${id}`);
    expect(
      (await scrape(base)).get('tandem_http_responses_total{route="unmatched",status="404"}'),
    ).toBe(1);
    writer.destroy();
    readOnly.destroy();
    await waitFor(
      async () => (await scrape(base)).get('tandem_connections') === 0,
      'connections to close',
    );
  });
});

describe('logs', () => {
  it('are JSON lines with request and connection ids, and hold no secret or content', async () => {
    const dataDir = tempDataDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: {
        ...process.env,
        ...(await engineEnv(dataDir)),
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(
      () => /listening on http:\/\/[^:]+:\d+/.test(output),
      'the server to start',
      15_000,
    );
    const port = Number(/listening on http:\/\/[^:]+:(\d+)/.exec(output)?.[1]);
    const base = `http://127.0.0.1:${port}`;
    const { id, coordinatorA } = await createPartnership(base);
    const view = await call(base, 'GET', `/api/partnerships/${id}`, undefined, coordinatorA);
    const requestId = view.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const writer = connectClient(port, `${id}/agreement`, coordinatorA);
    await synced(writer);
    const secretText = 'the host family lives at 12 Quiet Lane';
    testText(writer.doc).insert(0, secretText);
    await new Promise((resolve) => setTimeout(resolve, 300));
    writer.destroy();
    await waitFor(() => output.includes('connection closed'), 'the close to be logged');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;

    const lines = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of lines) {
      expect(line).toMatchObject({
        level: expect.any(Number) as number,
        msg: expect.any(String) as string,
      });
    }
    expect(lines).toContainEqual(
      expect.objectContaining({
        requestId,
        route: '/api/partnerships/:id',
        partnership: id,
        status: 200,
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'connection opened',
        partnership: id,
        room: `${id}/agreement`,
        connectionId: expect.any(Number) as number,
      }),
    );
    const session = coordinatorA.cookie.split('=')[1] ?? '';
    expect(session.length).toBeGreaterThan(10);
    for (const secret of [PASSWORD, session, secretText, coordinatorA.email]) {
      expect(output).not.toContain(secret);
    }
  });
});
