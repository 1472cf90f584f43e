// rekey resume: list runs without an end record, or resume one (or all).
import { parseArgs } from 'node:util';
import { replayRun } from '../core/run-state';
import { nodeHasher } from '../storage/hasher';
import { JournalFileStore } from '../storage/journal-file';
import { systemClock } from '../core/ports';
import { buildEnvironment, resolveDataDir } from './environment';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIo } from './io';
import { printOutcome } from './plan-printer';
import { ProgressPrinter } from './progress-printer';

export async function resumeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { all: { type: 'boolean' }, 'data-dir': { type: 'string' } },
  });
  if (positionals.length > 1) throw new UsageError('Resume one run id at a time, or --all.');
  if (positionals.length === 1 && values.all) throw new UsageError('Give a run id or --all, not both.');
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  const journals = new JournalFileStore({ dataDir, hasher: nodeHasher, clock: systemClock });

  const unfinished: Array<{ runId: string; practice: boolean; text: string }> = [];
  for (const runId of await journals.list()) {
    try {
      const run = replayRun(await journals.read(runId));
      if (run.ended) continue;
      const done = [...run.accounts.values()].filter((s) => s.outcome !== undefined).length;
      unfinished.push({
        runId,
        practice: run.practice,
        text: `${runId}  started ${run.startedAt} by ${run.operator}${run.practice ? ' (practice)' : ''}: ${done} of ${run.plan.entries.length} planned accounts finished`,
      });
    } catch (error) {
      io.stderr.write(`warning: run ${runId} cannot be read: ${(error as Error).message}\n`);
    }
  }

  const wanted = values.all ? unfinished : positionals.length === 1 ? unfinished.filter((r) => r.runId === positionals[0]) : null;
  if (wanted === null) {
    if (unfinished.length === 0) io.stdout.write('No unfinished runs.\n');
    else {
      io.stdout.write(`${unfinished.length} unfinished run${unfinished.length === 1 ? '' : 's'}:\n`);
      for (const r of unfinished) io.stdout.write(`  ${r.text}\n`);
      io.stdout.write('Resume with: rekey resume RUN_ID (or --all)\n');
    }
    return EXIT_OK;
  }
  if (positionals.length === 1 && wanted.length === 0) {
    io.stderr.write(`rekey: run ${positionals[0]} is not an unfinished run in ${dataDir}.\n`);
    return EXIT_FAILED;
  }

  let allVerified = true;
  for (const r of wanted) {
    const env = buildEnvironment(io, { dataDir, practice: r.practice });
    const printer = new ProgressPrinter(io.stderr);
    io.stdout.write(`Resuming ${r.text}\n`);
    const outcome = await env.flow.resume(r.runId, { onEvent: (event) => printer.handle(event) });
    printOutcome(io.stdout, outcome.report, env.journals.pathOf(r.runId));
    allVerified &&= outcome.allVerified;
  }
  return allVerified ? EXIT_OK : EXIT_FAILED;
}
