import type { ServerResponse } from 'node:http';

/**
 * Scripts, styles and connections (WebSocket included: CSP Level 3 lets 'self' match ws: and
 * wss: on the same host) come from this server only; signature images are data: URLs. No page
 * may be framed, so the signing consent cannot be overlaid by another site.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sets the defence-in-depth headers every answer carries, pages and API alike. */
export function setSecurityHeaders(res: ServerResponse, isHttps: boolean): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  if (isHttps) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}
