import { SYNC_PATH } from '@tandem/shared/protocol';

/** The WebSocket address of the sync endpoint on the server that served this page. */
export function syncUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}${SYNC_PATH}`;
}
