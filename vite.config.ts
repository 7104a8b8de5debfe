import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Builds the client (client/ → client/dist) and configures Vitest for every workspace. */
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // One editor bundle is ~250 KiB gzip, inside the 350 KiB budget (README.md, Performance); the bench
    // tracks it, so Vite's generic 500 kB warning only adds noise.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    // `npm run dev` runs the API and sync server on 8080; Vite proxies to it.
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/sync': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
  test: {
    root: '.',
    include: ['{shared,server,client}/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
