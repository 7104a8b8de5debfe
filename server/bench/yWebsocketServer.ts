import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

/**
 * The reference: the classic y-websocket server (`setupWSConnection`), in-memory, in its own
 * process. Prints `ready <port>` once listening.
 */
const server = http.createServer((_req, res) => res.writeHead(200).end('ok'));
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    const room = (request.url ?? '/').slice(1).split('?')[0] ?? 'room';
    setupWSConnection(ws, request, { docName: room, gc: true });
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`ready ${typeof address === 'object' && address ? address.port : 0}`);
});
