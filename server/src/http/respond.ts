import type { ServerResponse } from 'node:http';
import type { AppError, ErrorBody } from '@tandem/shared/errors';

/** Sends a JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  res.end(json);
}

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
