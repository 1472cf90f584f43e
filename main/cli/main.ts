// Command dispatch and exit codes: 0 success, 1 the work did not fully succeed, 2 usage.
import { journalCommand } from './journal-command';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';
import { reportCommand } from './report-command';
import { resumeCommand } from './resume-command';
import { runCommand } from './run-command';
import { usage } from './usage';

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest, io);
      case 'resume':
        return await resumeCommand(rest, io);
      case 'journal':
        return await journalCommand(rest, io);
      case 'report':
        return await reportCommand(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(usage);
        return EXIT_OK;
      case undefined:
        throw new UsageError('Say which command to run.');
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr.write(`rekey: ${error.message}\n\n${usage}`);
      return EXIT_USAGE;
    }
    io.stderr.write(`rekey: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
}
