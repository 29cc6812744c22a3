import { defineConfig } from 'vitest/config';

// Browser tests: one Vite build served once, Debian's Chromium driven by playwright-core.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
