import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { precompressDir } from './server/src/http/precompress';

/**
 * Brotli and gzip copies of the built client, which the server sends as they are; after the
 * service worker is written (vite-plugin-pwa writes it when the bundle closes).
 */
const precompress = (): Plugin => ({
  name: 'tandem-precompress',
  apply: 'build',
  closeBundle: {
    order: 'post',
    sequential: true,
    handler() {
      precompressDir(path.resolve(__dirname, 'client/dist'));
    },
  },
});

/**
 * The offline application (client/sw/sw.ts): every script, style and index.html of the build
 * is kept by the browser; the signature fonts (several MB) load only when someone signs.
 */
const offlineApp = () =>
  VitePWA({
    strategies: 'injectManifest',
    srcDir: 'sw',
    filename: 'sw.ts',
    registerType: 'prompt',
    injectRegister: false,
    manifest: false,
    injectManifest: {
      globPatterns: ['**/*.{js,css,html}'],
      maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
    },
  });

/** Integration tests that run on PostgreSQL too: everything that reads or writes storage. */
const POSTGRES_SUITE = [
  'server/test/{accounts,agreement,comments,crash,invites,itinerary,ownership,prompts}.test.ts',
  'server/test/{passwordReset,machineText,deviceSessions,inviteByEmail,emailAddresses,leaving}.test.ts',
  'server/test/{receipts,signedCopies,signing,sync,takeover,versions,versionLimits}.test.ts',
  'server/test/accessMatrix.test.ts',
];

/** Builds the client (client/ → client/dist) and configures Vitest for every workspace. */
export default defineConfig({
  root: 'client',
  plugins: [react(), offlineApp(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: process.env.TANDEM_SOURCEMAP === '1',
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
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['{shared,server,client}/**/*.test.{ts,tsx}'] },
      },
      // The storage-heavy integration tests once more with every store on PostgreSQL
      // (server/test/helpers.ts: each server gets a fresh schema in the `test` database).
      {
        extends: true,
        test: {
          name: 'postgres',
          include: POSTGRES_SUITE,
          env: { TEST_ENGINE: 'postgres' },
          globalSetup: ['server/test/postgresSetup.ts'],
        },
      },
    ],
  },
});
