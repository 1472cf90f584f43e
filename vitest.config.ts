import { defineConfig } from 'vitest/config';

// Unit and integration tests, then the Chromium end-to-end suite, counted in
// one run. The e2e files each start a practice console and a Chromium: on a
// 2-core machine they run one at a time, after the parallel unit batch, so
// they never compete with each other or with it. The resilience matrix has
// its own config (vitest.resilience.config.ts).
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'test/resilience/**', 'test/bench/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
