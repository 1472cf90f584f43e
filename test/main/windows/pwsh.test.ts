// Rekey's real scripts in a real PowerShell, against a simulated SAM that
// replaces only the Windows-only commands (test/fixtures/powershell/SimulatedSam.psm1).
// Runs whenever pwsh is found on PATH or under .tools/; where it cannot be
// installed, every test here is skipped and says why.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAccounts, defaultResetOptions, type Account } from '../../../main/core/domain';
import { WindowsDirectory } from '../../../main/windows/directory';
import { NodePowerShellEngine } from '../../../main/windows/engine';
import { parseNetUser } from '../../../main/windows/net-user';
import { loadScriptSources } from '../../../main/windows/scripts';
import { PowerShellSession } from '../../../main/windows/session';
import { findPwsh } from '../../support/pwsh';

const noPwshReason = 'PowerShell is not installable here: the NuGet mirror lacks the PowerShell package';


const pwsh = findPwsh();
const machineSid = 'S-1-5-21-1111111111-2222222222-3333333333';
const sid = (rid: number) => `${machineSid}-${rid}`;
const day = 86_400_000;

function account(rid: number, name: string, userFlags: number, extra: Record<string, unknown> = {}) {
  return { name, fullName: `${name} (test)`, description: '', sid: sid(rid), principalSource: 'Local', userFlags, passwordLastSet: Date.now() - 10 * day, lastLogon: Date.now() - day, faults: {}, ...extra };
}

function initialState(overrides: Record<string, unknown> = {}) {
  return {
    computerName: 'PSHOST01',
    elevated: true,
    remote: false,
    callerName: 'PSHOST01\\anna',
    callerSid: sid(1001),
    maxPasswordAgeDays: 42,
    accounts: [
      account(500, 'Administrator', 0x202),
      account(501, 'Guest', 0x10262, { passwordLastSet: null }),
      account(1001, 'anna', 0x200),
      account(1002, 'svc-backup', 0x10200),
      account(1003, "o'brien", 0x200),
      account(1004, 'Zoë', 0x200),
      account(1005, 'Łukasz', 0x200),
      account(1006, 'broken', 0x200, { faults: { writesDenied: true } }),
      account(1007, 'maria', 0x200, { principalSource: 'MicrosoftAccount' }),
      account(1008, 'noadsi', 0x200, { faults: { adsiUnavailable: true } }),
      account(1009, '$(calc)', 0x200),
    ],
    groups: [
      // Holds an orphaned SID: Get-LocalGroupMember fails on it and list.ps1 must fall back to ADSI.
      { name: 'Administrators', sid: 'S-1-5-32-544', members: [sid(500), sid(1001), sid(1007)], broken: true },
      { name: 'Users', sid: 'S-1-5-32-545', members: [sid(1001), sid(1003), sid(1004), sid(1005), sid(1006), sid(1008), sid(1009)] },
      { name: 'Backup Operators', sid: 'S-1-5-32-551', members: [sid(1002)] },
      { name: 'Remote Management Users', sid: 'S-1-5-32-580', members: [sid(1005)] },
    ],
    operations: [] as { sid: string; name: string; what: string; via: string }[],
    ...overrides,
  };
}

type State = ReturnType<typeof initialState>;

describe('the scripts in real PowerShell against a simulated SAM', () => {
  let workDir = '';
  let statePath = '';
  let session: PowerShellSession | null = null;
  let directory: WindowsDirectory | null = null;
  let accounts: Account[] = [];
  const modulePath = join(process.cwd(), 'test', 'fixtures', 'powershell', 'SimulatedSam.psm1');

  const readState = async (): Promise<State> => JSON.parse((await readFile(statePath, 'utf8')).replace(/^\uFEFF/, '')) as State;

  async function openSession(path: string): Promise<PowerShellSession> {
    const sources = await loadScriptSources();
    return new PowerShellSession({
      createEngine: async () => {
        const engine = new NodePowerShellEngine(pwsh!);
        // The only non-protocol line: load the stand-in for the Windows-only commands (paths hold no quotes).
        const loaded = await engine.invoke(`Import-Module '${modulePath}' -Force; Initialize-SimulatedSam -StatePath '${path}'`, 60_000);
        if (loaded.hadErrors) throw new Error(`SimulatedSam.psm1 did not load: ${loaded.stderr}`);
        return engine;
      },
      sources,
      timeoutMs: 60_000,
    });
  }

  beforeAll(async () => {
    if (!pwsh) return;
    workDir = await mkdtemp(join(tmpdir(), 'rekey-pwsh-'));
    statePath = join(workDir, 'sam.json');
    await writeFile(statePath, JSON.stringify(initialState()), 'utf8');
    session = await openSession(statePath);
    directory = new WindowsDirectory({ id: 'windows:pwsh', displayName: 'pwsh', session, remote: null });
  });

  afterAll(async () => {
    await session?.dispose();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('preflight.ps1 reports the PowerShell it runs in', async ({ skip }) => {
    skip(!pwsh, noPwshReason);
    const [result] = await directory!.preflight();
    expect(result?.failure).toBeNull();
    expect(result?.reply).toMatchObject({ computerName: 'PSHOST01', edition: 'Core', elevated: true, localAccounts: true, remote: false, callerSid: sid(1001) });
  });

  it('list.ps1 lists every account with its flags, groups and dates, names intact', async ({ skip }) => {
    skip(!pwsh, noPwshReason);
    accounts = await collectAccounts(directory!, {});
    expect(accounts.map((a) => a.login)).toEqual(['Administrator', 'Guest', 'anna', 'svc-backup', "o'brien", 'Zoë', 'Łukasz', 'broken', 'maria', 'noadsi', '$(calc)']);
    const find = (login: string) => accounts.find((a) => a.login === login)!;
    expect(find('Administrator')).toMatchObject({ privileged: true, enabled: false, attributes: { rid: 500, neverExpires: false } });
    expect(find('anna')).toMatchObject({ privileged: true, privilegedWhy: 'member of Administrators' });
    expect(directory!.listingWarnings().map((w) => w.message)).toEqual([
      expect.stringMatching(/^Get-LocalGroupMember could not read the local group 'Administrators' \(Failed to compare two elements in the array\.\), so its members were read with ADSI\.$/),
      "The password flags of 'noadsi' could not be read with ADSI: Unknown error (0x80005000)",
    ]);
    expect(find('Guest').attributes).toMatchObject({ rid: 501, guest: true, neverExpires: true, mustChange: false });
    expect(find('anna').attributes).toMatchObject({ isCurrentUser: true, isConnectionAccount: false });
    expect(find('svc-backup').attributes.neverExpires).toBe(true);
    expect(find('maria').attributes.principalSource).toBe('MicrosoftAccount');
    expect(find('Łukasz').groups).toEqual(['Users', 'Remote Management Users']);
    expect(find('noadsi').attributes.neverExpires).toBeUndefined();
    expect(find('Zoë').attributes.lastSignIn).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}([+-]\d\d:\d\d|Z)$/);
  });

  it('reset.ps1 clears never-expires before the flag, falls back to net user, and keeps going past a failure', async ({ skip }) => {
    skip(!pwsh, noPwshReason);
    const find = (login: string) => accounts.find((a) => a.login === login)!;
    const results = await directory!.reset(
      {
        items: [
          { account: find('svc-backup'), steps: ['clear-never-expires', 'force-change'] },
          { account: find("o'brien"), steps: ['force-change'] },
          { account: find('broken'), steps: ['force-change'] },
          { account: find('Zoë'), steps: ['force-change'] },
          { account: find('noadsi'), steps: ['force-change'] },
          { account: find('$(calc)'), steps: ['force-change'] },
        ],
        options: defaultResetOptions,
      },
      new AbortController().signal,
    );
    expect(results.map((r) => r.steps.map((s) => s.status))).toEqual([['done', 'done'], ['done'], ['failed'], ['done'], ['done'], ['done']]);
    expect(results[2]?.steps[0]?.message).toMatch(/^Not flagged: ADSI failed \(.*Access is denied.*\) and net user failed too \(exit code 2: System error 5 has occurred\. Access is denied\.\)\.$/);
    expect(results[4]?.steps[0]?.message).toMatch(/set with net user because ADSI failed: Unknown error \(0x80005000\)/);
    const state = await readState();
    expect(state.operations.map((o) => `${o.name}:${o.what}:${o.via}`)).toEqual([
      'svc-backup:clear-never-expires:ADSI',
      'svc-backup:set-password-expired:ADSI',
      "o'brien:set-password-expired:ADSI",
      'Zoë:set-password-expired:ADSI',
      'noadsi:set-password-expired:net user',
      '$(calc):set-password-expired:ADSI',
    ]);
  });

  it('read-state.ps1 proves the flag with ADSI and keeps net user text that parses', async ({ skip }) => {
    skip(!pwsh, noPwshReason);
    const find = (login: string) => accounts.find((a) => a.login === login)!;
    const states = await directory!.readState(['Zoë', 'broken', 'svc-backup'].map(find));
    expect(states.map((s) => s.mustChange)).toEqual(['yes', 'no', 'yes']);
    const raw = states[0]?.evidence.find((e) => e.kind === 'powershell' && e.output.startsWith('ADSI'));
    const text = raw?.kind === 'powershell' ? raw.output.slice(raw.output.indexOf('User name')) : '';
    expect(parseNetUser(text)).toMatchObject({ userName: 'Zoë', fullName: 'Zoë (test)', language: 'en', localGroups: ['Users'] });
  });

  it('reset.ps1 refuses the account a remote session is connected with', async ({ skip }) => {
    skip(!pwsh, noPwshReason);
    const remotePath = join(workDir, 'remote.json');
    await writeFile(remotePath, JSON.stringify(initialState({ remote: true, callerSid: sid(1003), callerName: "PSHOST01\\o'brien" })), 'utf8');
    const remote = await openSession(remotePath);
    try {
      const outcome = await remote.run(
        'reset',
        { v: 1, options: { clearNeverExpires: true }, targets: [{ computerName: 'PSHOST01', items: [{ sid: sid(1003), name: "o'brien", steps: ['force-change'] }, { sid: sid(1004), name: 'Zoë', steps: ['force-change'] }] }] },
        null,
      );
      expect(outcome.status).toBe('ok');
      const items = outcome.replies[0]?.reply.items ?? [];
      expect(items.map((i) => i.steps[0]?.status)).toEqual(['skipped', 'done']);
      expect(items[0]?.steps[0]?.message).toContain('error 1907');
    } finally {
      await remote.dispose();
    }
  });
});

