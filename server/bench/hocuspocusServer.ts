import { Server } from '@hocuspocus/server';

/**
 * Hocuspocus (4.7), in-memory, in its own process: the second reference. Prints `ready <port>`
 * once listening.
 */
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
await server.listen();
console.log(`ready ${server.address.port}`);
