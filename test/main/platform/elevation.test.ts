import { describe, expect, it, vi } from 'vitest';
import { isElevated, type ElevationProbe, type RunCommand } from '../../../main/platform/elevation';

// Shape of `whoami /groups /fo csv /nh` on Windows (one quoted CSV row per group).
const whoamiRows = (integritySid: string) =>
  [
    '"Everyone","Well-known group","S-1-1-0","Mandatory group, Enabled by default, Enabled group"',
    '"BUILTIN\\Administrators","Alias","S-1-5-32-544","Group used for deny only"',
    `"Mandatory Label\\Some Mandatory Level","Label","${integritySid}",""`,
  ].join('\r\n');

function windowsProbe(run: RunCommand): ElevationProbe {
  return { platform: 'win32', run, systemRoot: 'C:\\Windows' };
}

describe('isElevated', () => {
  it('is true on Windows with the High Mandatory Level SID', async () => {
    const run = vi.fn<RunCommand>(async () => ({ exitCode: 0, stdout: whoamiRows('S-1-16-12288') }));
    expect(await isElevated(windowsProbe(run))).toBe(true);
    expect(run).toHaveBeenCalledWith('C:\\Windows\\System32\\whoami.exe', ['/groups', '/fo', 'csv', '/nh']);
  });

  it('is true for the System integrity level', async () => {
    expect(await isElevated(windowsProbe(async () => ({ exitCode: 0, stdout: whoamiRows('S-1-16-16384') })))).toBe(true);
  });

  it('is false at Medium integrity (an admin without UAC elevation)', async () => {
    expect(await isElevated(windowsProbe(async () => ({ exitCode: 0, stdout: whoamiRows('S-1-16-8192') })))).toBe(false);
  });

  it('falls back to "net session" when whoami cannot answer', async () => {
    const run = vi.fn<RunCommand>(async (file) => (file.endsWith('whoami.exe') ? { exitCode: -1, stdout: '' } : { exitCode: 0, stdout: 'There are no entries in the list.' }));
    expect(await isElevated(windowsProbe(run))).toBe(true);
    expect(run).toHaveBeenLastCalledWith('C:\\Windows\\System32\\net.exe', ['session']);
    const denied = vi.fn<RunCommand>(async (file) => (file.endsWith('whoami.exe') ? { exitCode: 1, stdout: '' } : { exitCode: 2, stdout: 'System error 5 has occurred.' }));
    expect(await isElevated(windowsProbe(denied))).toBe(false);
  });

  it('never throws: a failing probe means not elevated', async () => {
    expect(
      await isElevated(
        windowsProbe(async () => {
          throw new Error('spawn EACCES');
        }),
      ),
    ).toBe(false);
  });

  it('elsewhere, is true only for uid 0', async () => {
    const run = vi.fn<RunCommand>();
    expect(await isElevated({ platform: 'linux', getuid: () => 0, run, systemRoot: '' })).toBe(true);
    expect(await isElevated({ platform: 'darwin', getuid: () => 501, run, systemRoot: '' })).toBe(false);
    expect(await isElevated({ platform: 'linux', run, systemRoot: '' })).toBe(false);
    expect(run).not.toHaveBeenCalled();
  });

  it('answers for this process without throwing', async () => {
    const expected = process.platform !== 'win32' ? process.getuid?.() === 0 : undefined;
    const actual = await isElevated();
    expect(typeof actual).toBe('boolean');
    if (expected !== undefined) expect(actual).toBe(expected);
  });
});
