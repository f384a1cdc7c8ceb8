import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The `yandu` command is bundled by the same build as out/main, into out/cli (see scripts/build-cli.cjs). */
function bundleCli(): Plugin {
  return {
    name: 'yandu-cli',
    apply: 'build',
    closeBundle() {
      const { buildCli } = createRequire(resolve(__dirname, 'package.json'))('./scripts/build-cli.cjs') as {
        buildCli(): string;
      };
      buildCli();
    },
  };
}

/**
 * Our folders are `electron/main`, `electron/preload` and `renderer/`, not electron-vite's `src/*`,
 * so each entry is named. Output stays CommonJS in `out/{main,preload,renderer}`.
 */
export default defineConfig({
  main: {
    plugins: [bundleCli()],
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'parse-worker': resolve(__dirname, 'electron/main/ingest/worker/parse-worker.ts'),
          'compact-worker': resolve(__dirname, 'electron/main/backups/compact-worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require packages: bundle zod and the contract into it.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
