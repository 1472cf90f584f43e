// Prints "N passed, N failed" as the very last line of the resilience run.
// Vitest calls every reporter's onTestRunEnd at once, and the JSON reporter
// logs "JSON report written" after its own asynchronous write, so the line
// is written when the process exits, after everything else. A test file that
// failed without a failing test (it did not load, or a hook failed) counts as
// one failure, so a crashed case never reads as green.
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export function summarise(testModules: ReadonlyArray<TestModule>, unhandledErrors: number): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const module of testModules) {
    let failedHere = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') passed++;
      else if (state === 'failed') failedHere++;
    }
    if (failedHere === 0 && module.state() === 'failed') failedHere = 1;
    failed += failedHere;
  }
  return { passed, failed: failed + unhandledErrors };
}

export default class SummaryReporter implements Reporter {
  private line: string | null = null;

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const { passed, failed } = summarise(testModules, unhandledErrors.length);
    if (this.line === null) process.once('exit', () => process.stdout.write(this.line ?? ''));
    this.line = `${passed} passed, ${failed} failed\n`;
  }
}
