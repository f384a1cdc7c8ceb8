import { defineConfig } from '@playwright/test';

/** The real Electron app. Skips itself where no Electron binary can be had (this CI machine). */
export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results/electron',
  timeout: 120_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '../../test-results/electron.json' }]],
});
