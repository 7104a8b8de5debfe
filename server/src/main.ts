import { readConfig } from './config';
import { startServer } from './server';

const config = readConfig();
const server = await startServer(config);

/** However storage behaves, a stopping server exits within this (what operators are told). */
const STOP_WITHIN_MS = 10_000;
/**
 * When a stuck shutdown gives up: two seconds short of the promise, for the signal to arrive
 * and the process to exit on a busy machine (at exactly 10 s, a loaded CI run took 10.05 s).
 */
const GIVE_UP_AFTER_MS = STOP_WITHIN_MS - 2_000;

let isStopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A second signal means "now": what is not stored yet stays in the clients' copies.
    if (isStopping) process.exit(1);
    isStopping = true;
    setTimeout(() => {
      server.log(`Shutdown took over ${GIVE_UP_AFTER_MS / 1000} s; exiting with what is stored`);
      process.exit(1);
    }, GIVE_UP_AFTER_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.log('Shutdown failed', error);
        process.exit(1);
      },
    );
  });
}
