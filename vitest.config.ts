import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['tests/support/postgres-global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
