import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['test/helpers/temp-root.ts'],
    testTimeout: 30_000,
  },
});
