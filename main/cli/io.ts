// The CLI's view of the process, injectable so commands can be tested in-process.
export interface CliOutput {
  write(text: string): void;
  isTTY: boolean;
}

export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  /** Whether an operator can answer questions (stdin is a terminal). */
  interactive: boolean;
  /** Ask one question on the terminal; resolves with the answer line. */
  ask(question: string): Promise<string>;
  env: NodeJS.ProcessEnv;
  /** Cancellation: the first Ctrl-C stops new work, the second aborts calls in flight. */
  onInterrupt(handler: () => void): () => void;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
