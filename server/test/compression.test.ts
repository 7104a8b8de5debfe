import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../src/http/precompress';
import { sendJson } from '../src/http/respond';
import { serveClient } from '../src/http/staticFiles';

/** A response as it crossed the wire: headers and the undecoded body. */
function get(port: number, pathname: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ port, path: pathname, headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the built client goes out compressed', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-client-'));
  const script = `export const words = ${JSON.stringify('partnership '.repeat(5000))};\n`;
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(
      path.join(root, 'index.html'),
      `<!doctype html><p>${'Tandem '.repeat(300)}</p>`,
    );
    fs.writeFileSync(path.join(root, 'assets', 'app-1a2b.js'), script);
    fs.writeFileSync(path.join(root, 'assets', 'tiny.css'), 'p{margin:0}');
    fs.writeFileSync(path.join(root, 'assets', 'logo.png'), Buffer.alloc(4096, 7));
    precompressDir(root);
    server = http.createServer(serveClient(root));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it('sends brotli or gzip as accepted, decoding to the built file, with Vary', async () => {
    const br = await get(port, '/assets/app-1a2b.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.body.length).toBeLessThan(script.length / 10);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);

    const gzip = await get(port, '/assets/app-1a2b.js', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(script);

    // The client's routes get index.html, compressed too.
    const page = await get(port, '/p/abc/agreement', { 'Accept-Encoding': 'br' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(page.body).toString()).toContain('Tandem');
  });

  it('honours q-values and refusals, and sends the file as it is otherwise', async () => {
    const preferGzip = await get(port, '/assets/app-1a2b.js', {
      'Accept-Encoding': 'br;q=0.5, gzip;q=1',
    });
    expect(preferGzip.headers['content-encoding']).toBe('gzip');
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0', '*;q=0']) {
      const plain = await get(
        port,
        '/assets/app-1a2b.js',
        accept ? { 'Accept-Encoding': accept } : {},
      );
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(script);
    }
    const any = await get(port, '/assets/app-1a2b.js', { 'Accept-Encoding': '*' });
    expect(any.headers['content-encoding']).toBe('br');
  });

  it('leaves small files and images alone, and HEAD tells the length only', async () => {
    const tiny = await get(port, '/assets/tiny.css', { 'Accept-Encoding': 'br' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('p{margin:0}');
    const png = await get(port, '/assets/logo.png', { 'Accept-Encoding': 'br' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers.vary).toBeUndefined();
    const head = await get(port, '/assets/app-1a2b.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(
      fs.statSync(path.join(root, 'assets', 'app-1a2b.js.br')).size,
    );
  });
});

describe('API answers above a size go compressed', () => {
  let server: http.Server;
  let port: number;
  const big = { members: Array.from({ length: 200 }, (_, i) => ({ id: `m${i}`, name: '王波' })) };
  beforeAll(async () => {
    server = http.createServer((req, res) =>
      sendJson(res, 200, req.url === '/small' ? { ok: true } : big),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it('compresses large JSON as accepted and leaves small JSON and other clients alone', async () => {
    const br = await get(port, '/big', { 'Accept-Encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(br.body).toString())).toEqual(big);
    const gzip = await get(port, '/big', { 'Accept-Encoding': 'gzip' });
    expect(JSON.parse(zlib.gunzipSync(gzip.body).toString())).toEqual(big);
    const plain = await get(port, '/big');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toEqual(big);
    const small = await get(port, '/small', { 'Accept-Encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers.vary).toBe('Accept-Encoding');
  });
});
