// "Restart as administrator": the local account database can be read without
// administrator rights but not changed, so the Connections screen offers to
// start Rekey again elevated. Windows shows its consent prompt (UAC) for
// `Start-Process -Verb RunAs`; only when that succeeds does this instance quit.
//
// The single-instance lock is released first (the new, elevated instance would
// otherwise see this one and quit) and taken back if the restart fails.

export interface RestartResult {
  restarting: boolean;
  /** A sentence for the operator. */
  message: string;
}

export interface RestartElevatedDeps {
  platform: NodeJS.Platform;
  /** The Rekey executable and the arguments it was started with. */
  execPath: string;
  args: readonly string[];
  app: { releaseSingleInstanceLock(): void; requestSingleInstanceLock(): boolean; quit(): void };
  /** Run powershell.exe with these arguments; resolves with its exit code. */
  runPowerShell(args: string[]): Promise<number>;
}

/** A PowerShell single-quoted string literal: the only escape is a doubled quote. */
export function quotePowerShell(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
}

/** The PowerShell that starts Rekey elevated; sent as -EncodedCommand so no shell ever re-parses it. */
export function restartScript(execPath: string, args: readonly string[]): string {
  const argumentList = args.length > 0 ? ` -ArgumentList @(${args.map(quotePowerShell).join(', ')})` : '';
  return `Start-Process -FilePath ${quotePowerShell(execPath)}${argumentList} -Verb RunAs -ErrorAction Stop`;
}

export function encodePowerShellCommand(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

export function createRestartElevated(deps: RestartElevatedDeps): () => Promise<RestartResult> {
  return async () => {
    if (deps.platform !== 'win32') {
      return { restarting: false, message: 'Only Rekey on Windows restarts itself as administrator; on this system start it with the rights it needs.' };
    }
    deps.app.releaseSingleInstanceLock();
    let exitCode: number;
    try {
      exitCode = await deps.runPowerShell(['-NoProfile', '-NonInteractive', '-EncodedCommand', encodePowerShellCommand(restartScript(deps.execPath, deps.args))]);
    } catch {
      exitCode = -1;
    }
    if (exitCode === 0) {
      deps.app.quit();
      return { restarting: true, message: 'Rekey is starting again as administrator; this window closes.' };
    }
    deps.app.requestSingleInstanceLock();
    return {
      restarting: false,
      message: 'Windows did not start Rekey as administrator (the consent prompt was declined or is not allowed for this account). Rekey keeps running without administrator rights.',
    };
  };
}
