import zlib from 'node:zlib';
import type { ServerResponse } from 'node:http';
import type { AppError, ErrorBody } from '@tandem/shared/errors';
import { acceptedEncoding } from './precompress';

/** Sends a JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = Buffer.from(JSON.stringify(body));
  // Larger answers (a partnership, the inbox, versions) go compressed when the client accepts it.
  const encoding =
    json.length >= COMPRESS_JSON_FROM
      ? acceptedEncoding(res.req?.headers['accept-encoding'])
      : null;
  const sent =
    encoding?.name === 'br'
      ? zlib.brotliCompressSync(json, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 },
        })
      : encoding?.name === 'gzip'
        ? zlib.gzipSync(json)
        : json;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': sent.length,
    'Cache-Control': 'no-store',
    Vary: 'Accept-Encoding',
    ...(encoding ? { 'Content-Encoding': encoding.name } : {}),
  });
  res.end(sent);
}

/** JSON smaller than this goes as it is: compressing it would save less than it costs. */
const COMPRESS_JSON_FROM = 1024;

/** Sends `{ error: { code, message } }` with the error's status. */
export function sendError(res: ServerResponse, error: AppError): void {
  const body: ErrorBody = { error: { code: error.code, message: error.message, ...error.details } };
  if (error.details.retryAfterSeconds !== undefined) {
    res.setHeader('Retry-After', String(error.details.retryAfterSeconds));
  }
  sendJson(res, error.status, body);
}

/** Sends a file to download (PDF, calendar): never cached, since it may change or be private. */
export function sendDownload(
  res: ServerResponse,
  contentType: string,
  body: Uint8Array | string,
  filename: string,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(200, {
    'Content-Type': contentType,
    'Content-Length': bytes.length,
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  });
  res.end(bytes);
}
