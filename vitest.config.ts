import { defineConfig } from 'vitest/config';

// One runner for unit, API integration and browser end-to-end tests.
// The global setup builds a migrated, demo-seeded database once (PGlite or
// the PostgreSQL server in DATABASE_URL); each test file clones it.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
