/**
 * Playwright fixtures for the browser tests (reuse them in every spec):
 *   core   — a real core (createCore) on a fresh SQLite file in a temp folder, seeded from
 *            `seedDir` (default resources/documents); tests may read or change the DB through it
 *   bridge — the HTTP bridge serving out/renderer (build first: `npm run build`)
 *   page   — a page whose `window.api` is bridged to `core.call` (through dispatch); baseURL is the bridge
 *   app    — page objects: `await app.start()`, then `app.library` / `app.reader`
 * Options: `test.use({ seedDir: 'test/fixtures/…' })`, or `seedDir: null` for an empty library.
 */
import { test as base, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, seedBundledDocuments, type Core } from '../../electron/main/core/app-core';
import { eventNames } from '../../shared/ipc/events';
import { startBridgeServer, type BridgeServer } from './bridge-server';
import { installBridgeShim } from './bridge-shim';
import { YanduApp } from './models/yandu-app';

export interface YanduFixtures {
  core: Core;
  bridge: BridgeServer;
  app: YanduApp;
}

export interface YanduOptions {
  seedDir: string | null;
}

export const test = base.extend<YanduFixtures & YanduOptions>({
  seedDir: ['resources/documents', { option: true }],

  core: async ({ seedDir }, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-'));
    const core = createCore({ databasePath: path.join(dir, 'library.db'), version: 'e2e' });
    try {
      if (seedDir) await seedBundledDocuments(core.ctx, seedDir);
      await use(core);
    } finally {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },

  bridge: async ({ core }, use) => {
    const server = await startBridgeServer(core, 'out/renderer');
    try {
      await use(server);
    } finally {
      await server.close();
    }
  },

  baseURL: async ({ bridge }, use) => use(bridge.url),

  page: async ({ page }, use) => {
    await page.addInitScript(installBridgeShim, eventNames);
    await use(page);
  },

  app: async ({ page, core }, use) => use(new YanduApp(page, core)),
});

export { expect };

/** Screenshots go to test-results/screenshots/<name>.png (kept apart from Playwright's outputDir, which it empties). */
export function screenshotPath(name: string): string {
  return path.join('test-results', 'screenshots', `${name}.png`);
}
