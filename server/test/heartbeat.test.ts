import { afterEach, describe, expect, it } from 'vitest';
import type { TandemServer } from '../src/server';
import {
  connectClient,
  startTestServer,
  stubbornSocket,
  synced,
  tempDataDir,
  waitFor,
} from './helpers';
import { createPartnership } from './people';

describe('heartbeat', () => {
  let server: TandemServer;
  afterEach(() => server.close());

  it('drops a connection that stops answering pings and unloads its room', async () => {
    server = await startTestServer(tempDataDir(), { heartbeatMs: 50 });
    const { id, coordinatorA } = await createPartnership(`http://127.0.0.1:${server.port}`);
    const { ended } = await stubbornSocket(server.port, `${id}/agreement`, coordinatorA.cookie);
    await waitFor(() => server.registry.size === 1, 'room loaded');
    await ended;
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
