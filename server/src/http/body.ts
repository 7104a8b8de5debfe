import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { AppError, ErrorCode } from '@tandem/shared/errors';

const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a raw body of at most `maxBytes`; more is a 413. */
export async function readBytes(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) {
      throw new AppError(ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is too large.');
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body and parses it with `schema`; anything else is a 400 naming the problem. */
export async function readJson<T extends z.ZodType>(
  req: IncomingMessage,
  schema: T,
): Promise<z.output<T>> {
  const body = await readBytes(req);
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8') || 'null');
  } catch {
    throw new AppError(ErrorCode.BAD_REQUEST, 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')).filter(Boolean))];
    throw new AppError(ErrorCode.BAD_REQUEST, problems.join('; '), { fields });
  }
  return parsed.data;
}
