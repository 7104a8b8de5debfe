import type { IncomingMessage } from 'node:http';

/**
 * The address of the person behind a request. Behind `trustedProxies` reverse proxies (the
 * TRUSTED_PROXY setting), each appends the address it saw to X-Forwarded-For, so the real
 * client is that many entries from the end; entries before it are the client's own claims.
 * Without trusted proxies the header is ignored: anyone can send it.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  const direct = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies === 0) return direct;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops.at(-trustedProxies) ?? hops[0] ?? direct;
}
