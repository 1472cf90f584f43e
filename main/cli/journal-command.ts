// rekey journal verify FILE: check the hash chain of one run's journal.
import { parseArgs } from 'node:util';
import { verifyJournalLines } from '../core/journal';
import { nodeHasher } from '../storage/hasher';
import { readJournalLines } from '../storage/journal-file';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIo } from './io';

export async function journalCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: {} });
  const [verb, file, ...extra] = positionals;
  if (verb !== 'verify') throw new UsageError(verb ? `Unknown journal command "${verb}".` : 'Say what to do: rekey journal verify FILE.');
  if (!file || extra.length > 0) throw new UsageError('rekey journal verify takes exactly one FILE.');
  // Line by line, like the app: a journal can be longer than one string can hold.
  const result = verifyJournalLines(await readJournalLines(file), nodeHasher);
  if (result.ok) {
    io.stdout.write(`intact: ${result.records} records\n`);
    if (!result.finished) io.stdout.write('note: the run has no end record (unfinished or interrupted; see rekey resume).\n');
    return EXIT_OK;
  }
  io.stdout.write(`broken: record ${result.seq ?? '?'} at line ${result.line}: ${result.problem}\n`);
  io.stdout.write(`intact before it: ${result.records} records\n`);
  return EXIT_FAILED;
}
