import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** What is worth compressing: text formats and TrueType fonts (woff2 and images are compressed already). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.ttf']);
/** Below this, a compressed copy saves less than the header costs. */
const MIN_BYTES = 1024;

/** The encodings served, best first, with the suffix of their precompressed files. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy next to every compressible file of a built
 * client, at the highest levels: done once at build, so the server never compresses per request.
 */
export function precompressDir(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      precompressDir(file);
      continue;
    }
    if (!COMPRESSIBLE.has(path.extname(file))) continue;
    const body = fs.readFileSync(file);
    if (body.length < MIN_BYTES) continue;
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
    fs.writeFileSync(
      `${file}.gz`,
      zlib.gzipSync(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
    );
  }
}

/**
 * The best encoding a request accepts (`Accept-Encoding`, q-values honoured, `q=0` refusing),
 * or null for the identity.
 */
export function acceptedEncoding(header: string | undefined): (typeof ENCODINGS)[number] | null {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  let best: (typeof ENCODINGS)[number] | null = null;
  for (const encoding of ENCODINGS) {
    const weight = weightOf(encoding.name);
    if (weight > 0 && (best === null || weight > weightOf(best.name))) best = encoding;
  }
  return best;
}
