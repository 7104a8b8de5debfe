import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { TandemServer } from '../src/server';
import { connectClient, startTestServer, synced, tempDataDir, waitFor } from './helpers';
import { createPartnership } from './people';

/** Completes a WebSocket handshake by hand and then goes silent: never answers a ping. */
function silentClient(port: number, room: string, cookie: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `GET /sync/${room} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Cookie: ${cookie}\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
    });
    socket.once('data', (chunk) => {
      if (chunk.toString().startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(chunk.toString()));
    });
    socket.on('error', () => undefined);
  });
}

describe('heartbeat', () => {
  let server: TandemServer;
  afterEach(() => server.close());

  it('drops a connection that stops answering pings and unloads its room', async () => {
    server = await startTestServer(tempDataDir(), { heartbeatMs: 50 });
    const { id, coordinatorA } = await createPartnership(`http://127.0.0.1:${server.port}`);
    const socket = await silentClient(server.port, `${id}/agreement`, coordinatorA.cookie);
    await waitFor(() => server.registry.size === 1, 'room loaded');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await closed;
    await waitFor(() => server.registry.size === 0, 'room unloaded');
  });

  it('keeps connections that answer pings', async () => {
    server = await startTestServer(tempDataDir(), { heartbeatMs: 50 });
    const { id, coordinatorA } = await createPartnership(`http://127.0.0.1:${server.port}`);
    const provider = connectClient(server.port, `${id}/agreement`, coordinatorA);
    await synced(provider);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(provider.wsconnected).toBe(true);
    provider.destroy();
  });
});
