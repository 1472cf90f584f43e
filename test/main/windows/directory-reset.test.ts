// The Windows directory over the simulated hosts: applying a reset on this computer.
import { describe, expect, it } from 'vitest';
import { defaultResetOptions } from '../../../main/core/domain';
import { accountsOf, batchOf, byLogin, practice, signal } from './practice-setup';

describe('resetting local accounts on this computer', () => {
  it('returns one result per account and step, in order, with PowerShell evidence', async () => {
    const p = await practice();
    const accounts = await accountsOf(p.thisComputer);
    const chosen = ["o'brien", 'Zoë', 'Łukasz'].map((l) => byLogin(accounts, l));
    const results = await p.thisComputer.reset(batchOf(chosen), signal());
    expect(results.map((r) => [r.accountId, r.steps.map((s) => [s.step, s.status, s.message])])).toEqual(
      chosen.map((a) => [a.id, [['force-change', 'done', 'Must change the password at next sign-in (set with ADSI and read back).']]]),
    );
    const evidence = results[1]?.steps[0]?.evidence ?? [];
    expect(evidence[0]).toMatchObject({ kind: 'powershell', script: 'reset.ps1', exitStatus: 0, host: '.' });
    expect(evidence[1]).toMatchObject({ kind: 'powershell', script: 'reset.ps1', host: '.' });
    expect(JSON.parse(evidence[1]?.kind === 'powershell' ? evidence[1].output : '{}')).toMatchObject({ account: 'Zoë', via: 'ADSI', detail: { passwordExpiredBefore: 0, passwordExpiredAfter: 1 } });
    // One round trip for the whole batch.
    expect(p.network.requests.filter((r) => r.script === 'reset')).toHaveLength(1);
    expect(p.network.thisComputer.sam.operations.map((o) => [o.name, o.what, o.via])).toEqual([
      ["o'brien", 'set-password-expired', 'ADSI'],
      ['Zoë', 'set-password-expired', 'ADSI'],
      ['Łukasz', 'set-password-expired', 'ADSI'],
    ]);
  });

  it('clears "password never expires" before it sets the flag, and reports both steps', async () => {
    const p = await practice();
    const svc = byLogin(await accountsOf(p.thisComputer), 'svc-backup');
    const [result] = await p.thisComputer.reset(batchOf([svc], ['clear-never-expires', 'force-change']), signal());
    expect(result?.steps.map((s) => [s.step, s.status, s.message])).toEqual([
      ['clear-never-expires', 'done', "Turned off 'Password never expires', which would have cancelled the forced change."],
      ['force-change', 'done', 'Must change the password at next sign-in (set with ADSI and read back).'],
    ]);
    expect(p.network.thisComputer.sam.operations.map((o) => o.what)).toEqual(['clear-never-expires', 'set-password-expired']);
  });

  it('does not flag an account whose "never expires" is still on, and says why', async () => {
    const p = await practice();
    const svc = byLogin(await accountsOf(p.thisComputer), 'svc-backup');
    const [result] = await p.thisComputer.reset(batchOf([svc], ['force-change'], { ...defaultResetOptions, clearNeverExpires: false }), signal());
    expect(result?.steps[0]).toMatchObject({
      status: 'failed',
      message: "Not flagged: 'Password never expires' is on, and Windows silently ignores 'must change password' while it is; turn on the option to clear it first.",
    });
    expect(p.network.thisComputer.sam.operations).toEqual([]);
  });

  it('carries on with the other accounts when one fails', async () => {
    const p = await practice((network) => network.thisComputer.sam.injectFault('Zoë', { writesDenied: true }));
    const accounts = await accountsOf(p.thisComputer);
    const results = await p.thisComputer.reset(batchOf(["o'brien", 'Zoë', 'Łukasz'].map((l) => byLogin(accounts, l))), signal());
    expect(results.map((r) => r.steps[0]?.status)).toEqual(['done', 'failed', 'done']);
    expect(results[1]?.steps[0]?.message).toBe(
      'Not flagged: ADSI failed (Exception calling "SetInfo" with "0" argument(s): "Access is denied.") and net user failed too (exit code 2: System error 5 has occurred. Access is denied.).',
    );
    expect(p.network.thisComputer.sam.findByName('Zoë')?.passwordLastSet).not.toBeNull();
  });

  it('falls back to net user /logonpasswordchg:yes when ADSI is unavailable', async () => {
    const p = await practice((network) => network.thisComputer.sam.injectFault('Łukasz', { adsiUnavailable: true }));
    const lukasz = byLogin(await accountsOf(p.thisComputer), 'Łukasz');
    const [result] = await p.thisComputer.reset(batchOf([lukasz]), signal());
    expect(result?.steps[0]).toMatchObject({
      status: 'done',
      message: 'Must change the password at next sign-in (set with net user because ADSI failed: Unknown error (0x80005000); it could not be read back).',
    });
    expect(p.network.thisComputer.sam.operations.map((o) => o.via)).toEqual(['net user']);
  });

  it('writes the flag even when the password has merely aged out, since only the flag survives a policy change', async () => {
    const p = await practice();
    const administrator = byLogin(await accountsOf(p.thisComputer), 'Administrator');
    expect(administrator.attributes.mustChange).toBe(true);
    const [result] = await p.thisComputer.reset(batchOf([administrator]), signal());
    expect(result?.steps[0]?.status).toBe('done');
    expect(p.network.thisComputer.sam.operations.map((o) => o.name)).toEqual(['Administrator']);
    // Run again: now the flag itself is set, and nothing is written.
    const [again] = await p.thisComputer.reset(batchOf([administrator]), signal());
    expect(again?.steps[0]?.message).toBe('Already had to change the password at next sign-in; nothing was written.');
    expect(p.network.thisComputer.sam.operations).toHaveLength(1);
  });

  it('refuses a Microsoft account without sending anything, and answers end-sessions as not applicable', async () => {
    const p = await practice();
    const accounts = await accountsOf(p.thisComputer);
    const [maria, zoe] = await p.thisComputer.reset(
      { items: [{ account: byLogin(accounts, 'maria'), steps: ['force-change'] }, { account: byLogin(accounts, 'Zoë'), steps: ['force-change', 'end-sessions'] }], options: defaultResetOptions },
      signal(),
    );
    expect(maria?.steps[0]).toMatchObject({ status: 'skipped', message: 'maria signs in with a MicrosoftAccount account, whose password is not kept on WS-ADMIN01, so there is nothing to expire there.' });
    expect(zoe?.steps.map((s) => s.status)).toEqual(['done', 'not-applicable']);
    expect(zoe?.steps[1]?.message).toBe('Interactive sessions are not ended; sign the user out or restart the computer.');
  });

  it('sends nothing when cancelled before it starts', async () => {
    const p = await practice();
    const accounts = await accountsOf(p.thisComputer);
    const controller = new AbortController();
    controller.abort();
    const results = await p.thisComputer.reset(batchOf([byLogin(accounts, 'Zoë')]), controller.signal);
    expect(results[0]?.steps[0]).toMatchObject({ status: 'cancelled', message: 'Cancelled before anything was sent to Windows.' });
    expect(p.network.requests.filter((r) => r.script === 'reset')).toEqual([]);
  });

  it('reports a hung session as a retryable failure with timeout evidence, and verifies afterwards on a fresh session', async () => {
    const p = await practice();
    const zoe = byLogin(await accountsOf(p.thisComputer), 'Zoë');
    p.network.injectSessionFault({ kind: 'hang', script: 'reset' });
    const [result] = await p.thisComputer.reset(batchOf([zoe]), signal());
    expect(result?.steps[0]).toMatchObject({ status: 'failed', retryable: true });
    expect(result?.steps[0]?.message).toContain('PowerShell did not answer within 100 ms, so the session was stopped and will be restarted for the next request');
    expect(result?.steps[0]?.evidence[0]).toMatchObject({ kind: 'powershell', script: 'reset.ps1', exitStatus: 'timeout' });
    const [state] = await p.thisComputer.readState([zoe]);
    expect(state?.mustChange).toBe('no');
    expect(state?.error).toBeUndefined();
  });

  it('round-trips names with apostrophes and non-ASCII letters from listing to reset to re-read', async () => {
    const p = await practice();
    const accounts = await accountsOf(p.thisComputer);
    const chosen = ["o'brien", 'Zoë', 'Łukasz'].map((l) => byLogin(accounts, l));
    await p.thisComputer.reset(batchOf(chosen), signal());
    const states = await p.thisComputer.readState(chosen);
    expect(states.map((s) => [s.accountId, s.mustChange])).toEqual(chosen.map((a) => [a.id, 'yes']));
    const netUser = states.map((s) => s.evidence.find((e) => e.kind === 'powershell' && e.script === 'read-state.ps1' && e.host === 'WS-ADMIN01'));
    expect(netUser.map((e) => (e?.kind === 'powershell' ? e.output.match(/User name {20}(.*)\r\n/)?.[1] : null))).toEqual(["o'brien", 'Zoë', 'Łukasz']);
    // No account name was ever typed into PowerShell.
    for (const line of p.network.typed) for (const name of ["o'brien", 'Zoë', 'Łukasz']) expect(line).not.toContain(name);
  });
});
