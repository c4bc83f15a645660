import { defineConfig } from 'vitest/config';

/**
 * Browser journeys: each test file starts the real server in-process on a fresh database and
 * drives Debian's Chromium through playwright-core. Files run one at a time, in one fork each,
 * because each launches a browser and the machines are shared.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/build-web.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
