import { defineConfig } from 'vitest/config';

// The resilience matrix (test/resilience): the real flow against the real
// directory code and the stand-ins, with faults injected. Not part of
// `npm test`; `.ci/run` runs it and reads test-results/resilience.json.
// The last line printed is "N passed, N failed" (summary-reporter.ts).
export default defineConfig({
  test: {
    include: ['test/resilience/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'test-results/resilience.json' }], './test/resilience/summary-reporter.ts'],
  },
});
