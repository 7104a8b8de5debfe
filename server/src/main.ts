import { readConfig } from './config';
import { startServer } from './server';

const config = readConfig();
const server = await startServer(config);
console.log(`Tandem listening on http://${config.host}:${server.port} (data in ${config.dataDir})`);

let isStopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (isStopping) return;
    isStopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed', error);
        process.exit(1);
      },
    );
  });
}
