import type { IncomingMessage } from 'node:http';

/**
 * Cross-site request check for state-changing calls and WebSocket upgrades: a browser always
 * sends Origin there, and it must be this server (its Host, or the configured public URL).
 * Non-browser clients send no Origin and are let through; they cannot ride a victim's cookie.
 */
export function isAllowedOrigin(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    const url = new URL(origin);
    host = url.host;
    if (url.origin === new URL(publicUrl).origin) return true;
  } catch {
    return false;
  }
  return host === req.headers.host;
}
