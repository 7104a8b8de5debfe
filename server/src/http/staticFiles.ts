import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { COMPRESSIBLE, acceptedEncoding } from './precompress';
import { sendError } from './respond';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built client from `root`. Unknown paths get index.html (the client routes);
 * hashed files under /assets are cached for good; text files go out in the build's brotli or
 * gzip copy when the browser accepts it.
 */
export function serveClient(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const index = path.join(root, 'index.html');
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(
        res,
        new AppError(ErrorCode.METHOD_NOT_ALLOWED, 'Only GET and HEAD are served here.'),
      );
      return;
    }
    const pathname = safePathname(req.url);
    const file = pathname === null ? null : path.join(root, pathname);
    // path.join normalises '..'; anything that still escapes the root is refused.
    // Source maps are built for local debugging only and never served.
    const isInside = file !== null && file.startsWith(root + path.sep) && !file.endsWith('.map');
    const target = isInside && isFile(file) ? file : index;
    if (!isFile(target)) {
      sendError(
        res,
        new AppError(ErrorCode.NOT_FOUND, 'The client is not built yet: run `npm run build`.'),
      );
      return;
    }
    const isHashed = target !== index && pathname?.startsWith('/assets/') === true;
    const extension = path.extname(target);
    // The build's precompressed copy (precompress.ts) when the browser takes its encoding.
    const encoding = COMPRESSIBLE.has(extension)
      ? acceptedEncoding(req.headers['accept-encoding'])
      : null;
    const encoded = encoding && isFile(target + encoding.suffix) ? encoding : null;
    const body = encoded ? target + encoded.suffix : target;
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'Cache-Control': isHashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'Content-Length': fs.statSync(body).size,
      ...(COMPRESSIBLE.has(extension) ? { Vary: 'Accept-Encoding' } : {}),
      ...(encoded ? { 'Content-Encoding': encoded.name } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(body).pipe(res);
  };
}

function safePathname(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return null;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
