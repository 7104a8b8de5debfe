import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PDF_BYTES } from '../src/http/routes/verifyRoutes';
import { verifyThreads } from '../src/pdf/verify';
import type { TandemServer } from '../src/server';
import { startTestServer, tempDataDir } from './helpers';

/** A PDF whose objects are `objects` (numbered from 1), with a correct cross-reference table. */
function pdfOf(objects: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((body, i) => {
    offsets.push(length);
    const object = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      body,
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(object);
    length += object.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    `trailer << /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
  ].join('\n');
  return Buffer.concat([...parts, Buffer.from(xref)]);
}

/** An attachment named agreement.json that inflates to 256 MiB from about 256 KiB. */
function deflateBomb(): Buffer {
  const bomb = zlib.deflateSync(Buffer.alloc(256 * 1024 * 1024), { level: 9 });
  return pdfOf([
    Buffer.from(
      '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(agreement.json) 4 0 R] >> >> >>',
    ),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>'),
    Buffer.from(
      '<< /Type /Filespec /F (agreement.json) /UF (agreement.json) /EF << /F 5 0 R >> >>',
    ),
    Buffer.concat([
      Buffer.from(
        `<< /Type /EmbeddedFile /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`,
      ),
      bomb,
      Buffer.from('\nendstream'),
    ]),
  ]);
}

/** 3,000 signature ranges, each over the whole 2 MiB file. */
function manyRanges(): Buffer {
  const size = 2 * 1024 * 1024;
  const field = (i: number) =>
    `<< /Type /Sig /ByteRange [0 10 20 ${size - 20}] /Contents <${'00'.repeat(4)}> /N ${i} >>`;
  const text = Array.from({ length: 3_000 }, (_, i) => field(i)).join('\n');
  const head = Buffer.from(`%PDF-1.7\n${text}\n`);
  return Buffer.concat([head, Buffer.alloc(size - head.length, 0x20)]);
}

/** The public verify endpoint: anyone may call it, so no file may cost the server much. */
describe('verify under attack', () => {
  let server: TandemServer;
  let base: string;
  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
    // As a server that has been running a few seconds has them.
    await verifyThreads.warm();
  });
  afterAll(() => server.close());

  async function verify(pdf: Buffer) {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const res = await fetch(`${base}/api/verify`, {
      method: 'POST',
      body: new Uint8Array(pdf),
      headers: { 'Content-Type': 'application/pdf' },
    });
    const ms = performance.now() - started;
    clearInterval(sampler);
    return { res, ms, grown: peak - before };
  }

  it('answers a deflate bomb within 2 s without inflating it', async () => {
    const { res, ms, grown } = await verify(deflateBomb());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ valid: false, hashMatches: false, parties: [] });
    expect(ms).toBeLessThan(2_000);
    expect(grown).toBeLessThan(100 * 1024 * 1024);
  });

  it('answers 3,000 signature ranges within 2 s, as not genuine', async () => {
    const { res, ms, grown } = await verify(manyRanges());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ valid: false, seal: 'invalid' });
    expect(ms).toBeLessThan(2_000);
    expect(grown).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a body over the stated size with 413', async () => {
    const { res } = await verify(
      Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(MAX_PDF_BYTES)]),
    );
    expect(res.status).toBe(413);
  });

  it('says what a file that is not a PDF is instead', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.alloc(0), 'empty'],
      [Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'image'],
      [Buffer.from('504b030414000600', 'hex'), 'zip'],
      [Buffer.from('Partnership agreement\nSigned by both schools.\n'), 'text'],
      [Buffer.from([0, 1, 2, 3, 250, 251]), 'other'],
    ];
    for (const [file, reason] of cases) {
      const { res } = await verify(file);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'NOT_A_PDF', reason } });
    }
  });
});
