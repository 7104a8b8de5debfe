import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreTranslate } from './libreTranslate';
import { ProviderDown, UnsupportedByProvider } from './provider';

/**
 * The LibreTranslate adapter against the API's documented shapes
 * (https://libretranslate.com/docs): `GET /languages` and `POST /translate` with a JSON body.
 * The server here answers as LibreTranslate does and records what it was sent.
 */
describe('libreTranslate', () => {
  const received: { method: string; url: string; body: unknown }[] = [];
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const body: unknown = raw ? JSON.parse(raw) : null;
        received.push({ method: req.method ?? '', url: req.url ?? '', body });
        const send = (status: number, answer: unknown) =>
          res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
        if (req.url?.startsWith('/languages')) {
          return send(200, [
            { code: 'en', name: 'English', targets: ['en', 'es', 'zh-Hans'] },
            { code: 'es', name: 'Spanish', targets: ['en', 'es'] },
          ]);
        }
        const { q, source, target, api_key: key } = body as Record<string, string>;
        if (key !== undefined && key !== 'good-key') return send(403, { error: 'Invalid API key' });
        if (target === 'xx') return send(400, { error: 'xx is not supported' });
        if (q === 'boom') return send(500, { error: 'Translation failed' });
        if (q === 'not json') return res.writeHead(502).end('<html>Bad gateway</html>');
        return send(200, { translatedText: `[${source}→${target}] ${q}` });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('lists pairs as base subtags, without a language to itself', async () => {
    const pairs = await libreTranslate(base, null).pairs();
    expect(pairs).toEqual([
      { from: 'en', to: 'es' },
      { from: 'en', to: 'zh' },
      { from: 'es', to: 'en' },
    ]);
  });

  it('sends q, source, target and format text, and the key when there is one', async () => {
    received.length = 0;
    expect(await libreTranslate(base, null).translate('Hello', 'en', 'es')).toBe('[en→es] Hello');
    expect(received[0]).toEqual({
      method: 'POST',
      url: '/translate',
      body: { q: 'Hello', source: 'en', target: 'es', format: 'text' },
    });
    await libreTranslate(base, 'good-key').translate('Hi', 'en', 'es');
    expect(received[1]?.body).toMatchObject({ api_key: 'good-key' });
    await libreTranslate(base, 'good-key').pairs();
    expect(received[2]?.url).toBe('/languages?api_key=good-key');
  });

  it('tells a missing pair from a provider that fails', async () => {
    const provider = libreTranslate(base, null);
    await expect(provider.translate('Hello', 'en', 'xx')).rejects.toBeInstanceOf(
      UnsupportedByProvider,
    );
    await expect(provider.translate('boom', 'en', 'es')).rejects.toBeInstanceOf(ProviderDown);
    await expect(provider.translate('not json', 'en', 'es')).rejects.toBeInstanceOf(ProviderDown);
    await expect(
      libreTranslate(base, 'bad-key').translate('Hi', 'en', 'es'),
    ).rejects.toBeInstanceOf(ProviderDown);
    await expect(
      libreTranslate('http://127.0.0.1:9/', null).translate('Hi', 'en', 'es'),
    ).rejects.toBeInstanceOf(ProviderDown);
  });
});
