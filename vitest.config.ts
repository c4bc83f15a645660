import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bin/**/*.test.ts'],
    environment: 'node',
    // Argon2 and PostgreSQL schema set-up make the first test of a file slower than vitest's default allows.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
