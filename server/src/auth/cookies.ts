import type { IncomingMessage, ServerResponse } from 'node:http';

export const SESSION_COOKIE = 'tandem_session';

/** Reads one cookie from the request. */
export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the public URL is https. */
export function setSessionCookie(
  res: ServerResponse,
  token: string,
  maxAgeSeconds: number,
  isSecure: boolean,
): void {
  const attributes = [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (isSecure) attributes.push('Secure');
  res.appendHeader('Set-Cookie', attributes.join('; '));
}

export function clearSessionCookie(res: ServerResponse, isSecure: boolean): void {
  setSessionCookie(res, '', 0, isSecure);
}
