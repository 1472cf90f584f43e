import type { CliIo } from '../../../main/cli/io';

/** A CliIo that records output and answers questions from a script. */
export function recordingIo(options: { interactive?: boolean; answers?: string[]; env?: NodeJS.ProcessEnv; tty?: boolean } = {}) {
  const out = { stdout: '', stderr: '', questions: [] as string[] };
  const answers = [...(options.answers ?? [])];
  const io: CliIo = {
    stdout: { write: (t) => void (out.stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t) => void (out.stderr += t), isTTY: options.tty ?? false },
    interactive: options.interactive ?? false,
    env: options.env ?? {},
    ask: async (question) => {
      out.questions.push(question);
      return answers.shift() ?? '';
    },
    onInterrupt: () => () => undefined,
  };
  return { io, out };
}
