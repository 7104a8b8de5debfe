import { type ErrorCode, type ErrorDetails, isErrorBody } from '@tandem/shared/errors';

/** A failed API call; `code` names the message in the `errors` namespace. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Calls the JSON API with the session cookie; throws ApiError on any failure. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('NETWORK', 'The server could not be reached.');
  }
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    if (isErrorBody(json)) {
      const { code, message, reason, retryAfterSeconds, fields, partnerships } = json.error;
      throw new ApiError(code, message, { reason, retryAfterSeconds, fields, partnerships });
    }
    throw new ApiError('INTERNAL', `HTTP ${res.status}`);
  }
  return json as T;
}
