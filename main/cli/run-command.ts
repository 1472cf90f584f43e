// rekey run: select, plan, (dry run ends here), approve, run with live
// progress, verify, summarise. Exit 0 only when every planned account verified.
import { createReadStream, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { planToJson } from '../core/plan';
import { answersFor, unmatchedTypedNames } from '../flow/approvals';
import type { SelectRequest } from '../flow/select';
import { buildEnvironment } from './environment';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIo } from './io';
import { printOutcome, printPlan, printSelectionProblems } from './plan-printer';
import { ProgressPrinter } from './progress-printer';
import { askApprovals } from './prompt';

export async function runCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      practice: { type: 'boolean' },
      directory: { type: 'string' },
      select: { type: 'string' },
      csv: { type: 'string' },
      'exclude-set': { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
      'plan-out': { type: 'string' },
      yes: { type: 'boolean' },
      approve: { type: 'string', multiple: true },
      'data-dir': { type: 'string' },
    },
  });
  if (!values.practice && !values.directory) throw new UsageError('Say where: --practice or --directory NAME.');
  if ((values.select === undefined) === (values.csv === undefined)) throw new UsageError('Say which accounts: exactly one of --select QUERY|all or --csv FILE.');
  if (values.select !== undefined && values.select.trim() === '') throw new UsageError('--select needs a search text or "all".');
  if (values['plan-out'] && !values['dry-run']) throw new UsageError('--plan-out goes with --dry-run.');
  if (values.csv !== undefined && !existsSync(values.csv)) throw new UsageError(`No CSV file at ${values.csv}.`);

  const env = buildEnvironment(io, { dataDir: values['data-dir'], practice: values.practice ?? false, directory: values.directory });
  const request: SelectRequest =
    values.csv !== undefined
      ? { by: 'csv', fileName: path.basename(values.csv), text: createReadStream(values.csv, { encoding: 'utf8' }) as AsyncIterable<string> }
      : values.select?.trim().toLowerCase() === 'all'
        ? { by: 'all' }
        : { by: 'search', search: values.select as string };
  const selection = await env.flow.select(request);
  printSelectionProblems(io.stderr, selection.problems);

  const plan = await env.flow.plan({ selection, exclusionSets: values['exclude-set'] ?? [] });
  printPlan(io.stdout, plan, values['dry-run'] ?? false);
  if (values['dry-run']) {
    if (values['plan-out']) {
      await writeFile(values['plan-out'], planToJson(plan), 'utf8');
      io.stdout.write(`Plan written to ${values['plan-out']}.\n`);
    }
    return EXIT_OK;
  }
  if (plan.entries.length === 0) {
    io.stdout.write('Nothing to reset: no selected account is left after exclusions.\n');
    return EXIT_FAILED;
  }

  const typedNames = (values.approve ?? []).flatMap((list) => list.split(',')).map((n) => n.trim()).filter(Boolean);
  for (const name of unmatchedTypedNames(plan, typedNames)) io.stderr.write(`warning: --approve ${name} matches no planned account.\n`);
  const answers = answersFor(plan, { confirmAll: values.yes ?? false, typedNames });
  if (!values.yes && io.interactive) await askApprovals(io, plan, answers);

  const soft = new AbortController();
  const hard = new AbortController();
  const stopListening = io.onInterrupt(() => {
    if (!soft.signal.aborted) {
      io.stderr.write('\nCancelling: accounts in flight finish, the rest is marked cancelled (Ctrl-C again to abort calls in flight).\n');
      soft.abort(new Error('cancelled by the operator'));
    } else hard.abort(new Error('aborted by the operator'));
  });
  const printer = new ProgressPrinter(io.stderr);
  try {
    const outcome = await env.flow.run(plan, answers, { signal: soft.signal, hardSignal: hard.signal, onEvent: (event) => printer.handle(event) });
    printOutcome(io.stdout, outcome.report, env.journals.pathOf(outcome.runId));
    return outcome.allVerified ? EXIT_OK : EXIT_FAILED;
  } finally {
    stopListening();
  }
}
