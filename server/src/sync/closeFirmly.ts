import type { WebSocket } from 'ws';

/** How long a peer has to answer a close frame before its socket is cut. */
const CLOSE_GRACE_MS = 1_000;

/**
 * Starts the close handshake and cuts the socket if the peer does not finish it: a client
 * that ignores close frames must not keep a revoked or refused connection open.
 */
export function closeFirmly(ws: WebSocket, code: number, reason: string): void {
  ws.close(code, reason);
  const timer = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
  timer.unref();
  ws.once('close', () => clearTimeout(timer));
}
