// A PowerShell process Rekey can type one line into and read the answer of.
// The real one is node-powershell; tests and the practice console plug in a
// simulated host that speaks the same base64 protocol (main/practice/windows).
import { PowerShell } from 'node-powershell';

export interface EngineOutput {
  /** node-powershell's verdict: something was written to stderr. */
  hadErrors: boolean;
  stdout: string;
  stderr: string;
}

export interface PowerShellEngine {
  /** Run one line. Rejects with EngineTimeoutError (after stopping the process) when no answer comes within timeoutMs. */
  invoke(command: string, timeoutMs: number): Promise<EngineOutput>;
  dispose(): Promise<void>;
}

/** "120 s", or "50 ms" for the short timeouts tests use. */
export function describeDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

export class EngineTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`PowerShell did not answer within ${describeDuration(timeoutMs)}.`);
    this.name = 'EngineTimeoutError';
  }
}

export class EngineExitedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineExitedError';
  }
}

/** Race a promise against a timer; on timeout run onTimeout (which stops the process) and reject. */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number, onTimeout: () => Promise<void>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout().then(
        () => reject(new EngineTimeoutError(timeoutMs)),
        () => reject(new EngineTimeoutError(timeoutMs)),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

export type PowerShellEdition = 'windows-powershell' | 'pwsh';

export interface ExecutableContext {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
}

/**
 * Which executable to start. Windows PowerShell 5.1 is the default because it
 * ships with every Windows. A 32-bit process on 64-bit Windows (WOW64 sets
 * PROCESSOR_ARCHITEW6432) must go through Sysnative: System32 would be
 * redirected to the 32-bit PowerShell, which has no Get-LocalUser.
 */
export function resolvePowerShellExecutable(edition: PowerShellEdition, context: ExecutableContext): string {
  if (edition === 'pwsh') return 'pwsh';
  if (context.platform !== 'win32') {
    throw new Error('Windows PowerShell exists only on Windows; choose PowerShell 7 (pwsh) in Settings.');
  }
  const root = context.env.SystemRoot ?? context.env.SYSTEMROOT ?? 'C:\\Windows';
  const system = context.env.PROCESSOR_ARCHITEW6432 ? 'Sysnative' : 'System32';
  return `${root}\\${system}\\WindowsPowerShell\\v1.0\\powershell.exe`;
}

/** The switches every Rekey session starts with. */
export const sessionSwitches = {
  '-NoLogo': true,
  '-NoProfile': true,
  '-NonInteractive': true,
  '-ExecutionPolicy': 'Bypass',
} as const;

/** node-powershell 5 behind the PowerShellEngine interface. */
export class NodePowerShellEngine implements PowerShellEngine {
  private readonly shell: PowerShell;
  private disposed = false;

  constructor(executable: string) {
    this.shell = new PowerShell({
      executable,
      executableOptions: { ...sessionSwitches },
      // We read stderr ourselves; an exception would lose stdout.
      throwOnInvocationError: false,
      spawnOptions: { windowsHide: true },
    });
  }

  async invoke(command: string, timeoutMs: number): Promise<EngineOutput> {
    if (this.disposed) throw new EngineExitedError('The PowerShell process has already been stopped.');
    try {
      const result = await withTimeout(this.shell.invoke(command), timeoutMs, () => this.dispose());
      return {
        hadErrors: result.hadErrors,
        stdout: result.stdout?.toString('utf8') ?? '',
        stderr: result.stderr?.toString('utf8') ?? '',
      };
    } catch (error) {
      if (error instanceof EngineTimeoutError) throw error;
      await this.dispose();
      throw new EngineExitedError(`The PowerShell process stopped: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      // node-powershell keeps every command in `history` for the life of the
      // process; one of them may carry the credential line. Keep none.
      (this.shell.history as unknown[]).length = 0;
    }
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    try {
      await this.shell.dispose('SIGKILL');
    } catch {
      // The process is gone either way; its exit code does not matter here.
    }
  }
}
