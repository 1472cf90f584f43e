// Restarting Rekey elevated: the PowerShell is built from quoted literals and
// sent encoded, the single-instance lock is released for the new instance and
// taken back when Windows refuses, and this instance quits only on success.
import { describe, expect, it, vi } from 'vitest';
import { createRestartElevated, encodePowerShellCommand, quotePowerShell, restartScript } from '../../../main/platform/restart-elevated';

function fakeApp() {
  const calls: string[] = [];
  return {
    calls,
    app: {
      releaseSingleInstanceLock: vi.fn(() => calls.push('release')),
      requestSingleInstanceLock: vi.fn(() => {
        calls.push('request');
        return true;
      }),
      quit: vi.fn(() => calls.push('quit')),
    },
  };
}

function decode(args: string[]): string {
  const encoded = args[args.indexOf('-EncodedCommand') + 1] ?? '';
  return Buffer.from(encoded, 'base64').toString('utf16le');
}

describe('restart as administrator', () => {
  it('starts Rekey with Start-Process -Verb RunAs, releasing the lock first, then quits', async () => {
    const { app, calls } = fakeApp();
    const seen: string[][] = [];
    const restart = createRestartElevated({
      platform: 'win32',
      execPath: 'C:\\Program Files\\Rekey\\Rekey.exe',
      args: ['--open', 'connections'],
      app,
      runPowerShell: async (args) => {
        calls.push('powershell');
        seen.push(args);
        return 0;
      },
    });
    const result = await restart();
    expect(result.restarting).toBe(true);
    expect(calls).toEqual(['release', 'powershell', 'quit']);
    const args = seen[0] ?? [];
    expect(args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-EncodedCommand']);
    expect(decode(args)).toBe("Start-Process -FilePath 'C:\\Program Files\\Rekey\\Rekey.exe' -ArgumentList @('--open', 'connections') -Verb RunAs -ErrorAction Stop");
  });

  it('keeps running and takes the lock back when the consent prompt is declined or PowerShell fails', async () => {
    for (const outcome of [async () => 1, async (): Promise<number> => Promise.reject(new Error('spawn failed'))]) {
      const { app, calls } = fakeApp();
      const result = await createRestartElevated({ platform: 'win32', execPath: 'C:\\Rekey.exe', args: [], app, runPowerShell: outcome })();
      expect(result.restarting).toBe(false);
      expect(result.message).toMatch(/did not start Rekey as administrator/);
      expect(calls).toEqual(['release', 'request']);
      expect(app.quit).not.toHaveBeenCalled();
    }
  });

  it('refuses outside Windows without touching the lock', async () => {
    const { app, calls } = fakeApp();
    const runPowerShell = vi.fn(async () => 0);
    const result = await createRestartElevated({ platform: 'linux', execPath: '/opt/rekey', args: [], app, runPowerShell })();
    expect(result).toEqual({ restarting: false, message: expect.stringMatching(/Only Rekey on Windows/) });
    expect(calls).toEqual([]);
    expect(runPowerShell).not.toHaveBeenCalled();
  });

  it('quotes paths and arguments as data: quotes (straight and curly) are doubled, nothing else is special', () => {
    expect(quotePowerShell("C:\\Users\\o'brien\\Rekey.exe")).toBe("'C:\\Users\\o''brien\\Rekey.exe'");
    expect(quotePowerShell('a\u2019b')).toBe("'a\u2019\u2019b'");
    expect(quotePowerShell('$(calc) `n "x"')).toBe("'$(calc) `n \"x\"'");
    expect(restartScript('C:\\Rekey.exe', [])).toBe("Start-Process -FilePath 'C:\\Rekey.exe' -Verb RunAs -ErrorAction Stop");
    expect(Buffer.from(encodePowerShellCommand('Zoë'), 'base64').toString('utf16le')).toBe('Zoë');
  });
});

describe('app.restartElevated in hosts that cannot restart', () => {
  it('the practice console answers that it never needs administrator rights', async () => {
    const { appHandlers } = await import('../../../main/handlers/app');
    const handlers = appHandlers(() => ({ name: 'Rekey', version: '0', platform: 'linux', elevated: false, practice: true, host: 'practice-bridge' }));
    const answer = await handlers['app.restartElevated'](undefined, { transport: 'practice-bridge', operator: 'practice' });
    expect(answer).toEqual({ restarting: false, message: expect.stringMatching(/never needs administrator rights/) });
  });
});
