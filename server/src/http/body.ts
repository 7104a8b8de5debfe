import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { AppError, ErrorCode } from '@tandem/shared/errors';

const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body and parses it with `schema`; anything else is a 400 naming the problem. */
export async function readJson<T extends z.ZodType>(
  req: IncomingMessage,
  schema: T,
): Promise<z.output<T>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new AppError(ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is too large.');
    chunks.push(buffer);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch {
    throw new AppError(ErrorCode.BAD_REQUEST, 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    throw new AppError(ErrorCode.BAD_REQUEST, problems.join('; '));
  }
  return parsed.data;
}
