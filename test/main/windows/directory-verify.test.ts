// The Windows directory over the simulated hosts: re-reading state to prove a reset.
import { describe, expect, it } from 'vitest';
import { collectAccounts } from '../../../main/core/domain';
import { userFlag } from '../../../main/practice/windows/sam';
import { accountsOf, batchOf, byLogin, practice, signal } from './practice-setup';

describe('re-reading the state of local accounts', () => {
  it('says "must change" is yes exactly when ADSI PasswordExpired is 1, with ADSI, Get-LocalUser and net user as evidence', async () => {
    const p = await practice();
    const zoe = byLogin(await accountsOf(p.thisComputer), 'Zoë');
    const [before] = await p.thisComputer.readState([zoe]);
    expect(before).toMatchObject({ mustChange: 'no', neverExpires: false, directoryStatus: 'Password valid', via: 'ADSI' });

    await p.thisComputer.reset(batchOf([zoe]), signal());
    const [after] = await p.thisComputer.readState([zoe]);
    expect(after).toMatchObject({
      directoryId: 'windows:this-computer',
      accountId: zoe.id,
      mustChange: 'yes',
      neverExpires: false,
      directoryStatus: 'Password expired: must change at next sign-in',
      via: 'ADSI',
      checkedAt: '2026-11-21T19:00:00.000Z',
    });
    expect(after?.error).toBeUndefined();
    const [run, account, note] = after?.evidence ?? [];
    expect(run).toMatchObject({ kind: 'powershell', script: 'read-state.ps1', exitStatus: 0 });
    expect(account?.kind === 'powershell' && account.output).toMatch(/^ADSI PasswordExpired=1 UserFlags=0x200\nGet-LocalUser Enabled=true PasswordLastSet=\(empty\) /);
    // The raw net user text, as Windows prints it (CRLF, padded labels), kept for the helpdesk.
    expect(account?.kind === 'powershell' && account.output).toContain('\r\nUser name                    Zoë\r\nFull Name                    Zoë Martin\r\n');
    expect(note?.kind === 'note' && note.text).toContain('net user has no line for "User must change password at next logon"');
  });

  it('notices when "password never expires" cancels a pending change', async () => {
    const p = await practice();
    const zoe = byLogin(await accountsOf(p.thisComputer), 'Zoë');
    await p.thisComputer.reset(batchOf([zoe]), signal());
    // Someone ticks "Password never expires" afterwards, in Computer Management.
    const sam = p.network.thisComputer.sam;
    const account = sam.findByName('Zoë')!;
    account.userFlags |= userFlag.dontExpirePassword;
    const [state] = await p.thisComputer.readState([zoe]);
    expect(state).toMatchObject({ mustChange: 'no', neverExpires: true, directoryStatus: 'Password never expires' });
    expect(state?.evidence.find((e) => e.kind === 'note')).toMatchObject({
      text: expect.stringContaining('Get-LocalUser shows no last-set time, so a forced change is pending, but "Password never expires" is on and cancels it.'),
    });
  });

  it('tells a password that aged out under the policy from the flag', async () => {
    const p = await practice();
    const administrator = byLogin(await accountsOf(p.thisComputer), 'Administrator');
    const [state] = await p.thisComputer.readState([administrator]);
    expect(state).toMatchObject({ mustChange: 'yes', directoryStatus: 'Password expired: must change at next sign-in (account disabled)' });
    expect(state?.evidence.find((e) => e.kind === 'note')).toMatchObject({ text: expect.stringMatching(/^The password expired under the policy on .* rather than by the "must change" flag/) });
  });

  it('reports unknown, with a reason, for a deleted account, a broken ADSI and an unreachable host', async () => {
    const p = await practice((network) => network.thisComputer.sam.injectFault('Łukasz', { adsiUnavailable: true }));
    const accounts = await accountsOf(p.thisComputer);
    const kiosk = byLogin(accounts, 'kiosk');
    p.network.thisComputer.sam.accounts.delete(kiosk.id);
    const [deleted, broken] = await p.thisComputer.readState([kiosk, byLogin(accounts, 'Łukasz')]);
    expect(deleted).toMatchObject({ mustChange: 'unknown', error: `No local account with SID ${kiosk.id} exists on WS-ADMIN01 any more.` });
    expect(broken).toMatchObject({ mustChange: 'unknown', error: 'ADSI could not read Łukasz on WS-ADMIN01: Unknown error (0x80005000)' });

    const remote = await collectAccounts(p.remoteHosts, {});
    const jurgen = byLogin(remote, 'jürgen');
    p.network.resolve('BERLIN-APP02')!.reachability = 'offline';
    const [offline] = await p.remoteHosts.readState([jurgen]);
    expect(offline).toMatchObject({ mustChange: 'unknown', error: expect.stringMatching(/^BERLIN-APP02 could not be reached over WinRM/) });
  });

  it('reads German net user output on a German host and explains it', async () => {
    const p = await practice();
    const jurgen = byLogin(await collectAccounts(p.remoteHosts, {}), 'jürgen');
    const [state] = await p.remoteHosts.readState([jurgen]);
    const raw = state?.evidence.find((e) => e.kind === 'powershell' && e.output.startsWith('ADSI'));
    expect(raw).toMatchObject({ host: 'BERLIN-APP02', script: 'read-state.ps1' });
    expect(raw?.kind === 'powershell' && raw.output).toContain('Benutzername                        jürgen\r\n');
    const note = state?.evidence.find((e) => e.kind === 'note');
    expect(note?.kind === 'note' && note.text).toContain('Account jürgen (Jürgen Weiß), read from German net user output.');
    expect(note?.kind === 'note' && note.text).toContain('Local groups: Benutzer, Remotedesktopbenutzer.');
  });
});
