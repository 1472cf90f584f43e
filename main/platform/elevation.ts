// Whether Rekey runs with administrator rights. Changing the local SAM needs
// them; the UI says so up front instead of failing mid-run. Never throws:
// "not elevated" is the safe answer when we cannot tell.
import { execFile } from 'node:child_process';
import path from 'node:path';

/** Mandatory integrity levels of an elevated token: High (UAC-elevated admin) and System. */
const ELEVATED_INTEGRITY_SIDS = ['S-1-16-12288', 'S-1-16-16384'];

export type RunCommand = (file: string, args: string[], timeoutMs?: number) => Promise<{ exitCode: number; stdout: string }>;

export interface ElevationProbe {
  platform: NodeJS.Platform;
  getuid?: () => number;
  run: RunCommand;
  systemRoot: string;
}

/** Run a program by full path without a shell; never rejects (a failure is a non-zero exit code). */
export const runCommand: RunCommand = (file, args, timeoutMs = 10_000) =>
  new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, windowsHide: true, encoding: 'utf8' }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ exitCode: code, stdout: stdout ?? '' });
    });
  });

function defaultProbe(): ElevationProbe {
  return {
    platform: process.platform,
    getuid: process.getuid?.bind(process),
    run: runCommand,
    systemRoot: process.env.SystemRoot ?? process.env.windir ?? 'C:\\Windows',
  };
}

export async function isElevated(probe: ElevationProbe = defaultProbe()): Promise<boolean> {
  try {
    if (probe.platform !== 'win32') return probe.getuid?.() === 0;
    // Full paths: a whoami.exe planted on PATH must not answer for us.
    const system32 = path.win32.join(probe.systemRoot, 'System32');
    const groups = await probe.run(path.win32.join(system32, 'whoami.exe'), ['/groups', '/fo', 'csv', '/nh']);
    if (groups.exitCode === 0 && groups.stdout.includes('S-1-16-')) {
      return ELEVATED_INTEGRITY_SIDS.some((sid) => groups.stdout.includes(sid));
    }
    // whoami unavailable or unreadable: "net session" succeeds only for an elevated administrator.
    const session = await probe.run(path.win32.join(system32, 'net.exe'), ['session']);
    return session.exitCode === 0;
  } catch {
    return false;
  }
}
