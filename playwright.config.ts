import { defineConfig } from '@playwright/test';

/**
 * Browser tests: Debian's Chromium against the built renderer (`npm run build` first), with
 * `window.api` bridged to the real handlers over a temporary SQLite library (test/e2e/fixtures.ts).
 * Artifacts go to test-results/chromium, not test-results itself: Playwright empties its outputDir
 * at start, which would delete vitest's report written earlier in `npm test`.
 */
export default defineConfig({
  testDir: 'test/e2e',
  // scratch libraries and Chromium's profiles under one folder per run, removed at the end
  globalSetup: './test/helpers/temp-root.ts',
  outputDir: 'test-results/chromium',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
