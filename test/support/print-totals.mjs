// Sums vitest JSON reports and prints the closing line CI reads:
// "N passed, N failed, N skipped". A missing report counts as a failure,
// so a crashed suite never looks green.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const arg of process.argv.slice(2)) {
  if (!existsSync(arg)) {
    console.error(`no test report at ${arg}`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(arg, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A file that fails to load has no failed test, only a failed suite: count it.
  if (report.success === false && !report.numFailedTests) failed += Math.max(1, report.numFailedTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
