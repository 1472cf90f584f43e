// rekey report FILE --format csv|json|html --out FILE
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseJournalLines, verifyJournalLines } from '../core/journal';
import { buildRunReport, reportToCsv, reportToHtml, reportToJson } from '../core/report';
import { replayRun } from '../core/run-state';
import { nodeHasher } from '../storage/hasher';
import { readJournalLines } from '../storage/journal-file';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIo } from './io';

const renderers = { csv: reportToCsv, json: reportToJson, html: reportToHtml } as const;

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('rekey report takes exactly one journal FILE.');
  const format = values.format;
  if (format !== 'csv' && format !== 'json' && format !== 'html') throw new UsageError('--format must be csv, json or html.');
  if (!values.out) throw new UsageError('--out FILE is required.');
  // Line by line, like the app: a journal can be longer than one string can hold.
  const journal = await readJournalLines(positionals[0] as string);
  const check = verifyJournalLines(journal, nodeHasher);
  if (!check.ok) {
    io.stderr.write(`rekey: the journal is not intact (record ${check.seq ?? '?'} at line ${check.line}: ${check.problem}); no report was made.\n`);
    return EXIT_FAILED;
  }
  const report = buildRunReport(replayRun(parseJournalLines(journal).records));
  await writeFile(values.out, renderers[format](report), 'utf8');
  io.stdout.write(`Report of run ${report.runId} (${report.rows.length} accounts) written to ${values.out}.\n`);
  return EXIT_OK;
}
