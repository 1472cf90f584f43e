// `npm run bench`: every benchmark, one after the other (they must not share
// the two cores), printed as a table and written to test-results/bench.json
// as an array of { name, value, unit, goal, baseline, note }. A benchmark that
// fails still yields its fixed names, with value null and the reason.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { entraBenchmarks } from './entra';
import { renderTable, unmeasured, verdict, type BenchFigure } from './figures';
import { journalBenchmarks } from './journal';
import { oktaBenchmarks } from './okta';
import { uiBenchmarks } from './ui';
import { windowsBenchmarks } from './windows';

interface Suite {
  label: string;
  run: () => Promise<BenchFigure[]>;
  /** The figures it promises (name, unit, goal), for the null entries when it fails. */
  names: Array<[string, string, string]>;
}

const suites: Suite[] = [
  {
    label: 'Entra ID',
    run: entraBenchmarks,
    names: [
      ['entra.quotaEfficiency', 'ratio', '≥ 0.9'],
      ['entra.speedupVsSequential', 'ratio', '≥ 15'],
      ['entra.lost', 'users', '= 0'],
    ],
  },
  {
    label: 'Okta',
    run: oktaBenchmarks,
    names: [
      ['okta.limitEfficiency', 'ratio', '≥ 0.9'],
      ['okta.count429', 'responses', '= 0'],
    ],
  },
  {
    label: 'Windows',
    run: windowsBenchmarks,
    names: [
      ['windows.speedupVsPerAccountCall', 'ratio', '≥ 10'],
      ['windows.speedupVsPerAccountCall.simulated', 'ratio', 'report it'],
    ],
  },
  {
    label: 'Console (Chromium)',
    run: uiBenchmarks,
    names: [
      ['ui.gridFirstRenderMs', 'ms', '≤ 1000'],
      ['ui.filterP95Ms', 'ms', '≤ 100'],
      ['ui.rendererHeapMB', 'MB', 'report it'],
    ],
  },
  { label: 'Journal', run: journalBenchmarks, names: [['journal.verifyRecordsPerSec', 'records/s', '≥ 200,000']] },
];

async function main(): Promise<void> {
  const figures: BenchFigure[] = [];
  const startedAll = performance.now();
  for (const suite of suites) {
    const started = performance.now();
    process.stderr.write(`bench: ${suite.label} ...\n`);
    try {
      figures.push(...(await suite.run()));
    } catch (error) {
      const reason = `The benchmark failed: ${error instanceof Error ? error.message : String(error)}`;
      process.stderr.write(`bench: ${suite.label} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      figures.push(...suite.names.map(([name, unit, goal]) => unmeasured(name, unit, goal, reason)));
    }
    process.stderr.write(`bench: ${suite.label} took ${Math.round((performance.now() - started) / 1000)} s\n`);
  }
  const out = path.join(process.cwd(), 'test-results', 'bench.json');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(figures, null, 2)}\n`, 'utf8');
  console.log(renderTable(figures));
  const missed = figures.filter((f) => verdict(f) === 'missed').map((f) => f.name);
  console.log(`\n${figures.length} figures in ${Math.round((performance.now() - startedAll) / 1000)} s; ${missed.length ? `goal missed: ${missed.join(', ')}` : 'no goal missed'}; written to ${path.relative(process.cwd(), out)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
