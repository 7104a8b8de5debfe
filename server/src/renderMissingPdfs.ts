import { readConfig } from './config';
import { startServer } from './server';

/**
 * `npm run render-missing-pdfs`: renders and stores the signed PDF of every agreement signed by
 * both schools whose PDF is missing (a server stopped between the second signature and the
 * PDF), then exits. Starting the server does exactly that; run it while the server is stopped,
 * on the same DATA_DIR.
 */
const config = readConfig({ ...process.env, PORT: '0' });
const server = await startServer(config);
await server.close();
console.log(`Signed PDFs in ${config.dataDir} are complete.`);
