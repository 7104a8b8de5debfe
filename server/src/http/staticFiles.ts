import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { AppError, ErrorCode } from '@tandem/shared/errors';
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
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built client from `root`. Unknown paths get index.html (the client routes);
 * hashed files under /assets are cached for good.
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
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream',
      'Cache-Control': isHashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(target).pipe(res);
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
