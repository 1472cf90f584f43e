import { defineConfig } from 'vitest/config';

// Unit and integration tests, plus the Chromium end-to-end suite (test/e2e),
// all counted in one run. The resilience matrix has its own config.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/resilience/**', 'test/bench/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
