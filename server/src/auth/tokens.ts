import crypto from 'node:crypto';

/** A random secret for a link or a cookie (256 bits). */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Only hashes of tokens are stored: a leaked database opens no session and no invitation. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
