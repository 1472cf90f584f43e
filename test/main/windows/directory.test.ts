// The Windows directory over the simulated hosts: listing and planning.
import { describe, expect, it } from 'vitest';
import { collectAccounts, defaultResetOptions } from '../../../main/core/domain';
import { accountsOf, byLogin, practice } from './practice-setup';

describe('listing local accounts', () => {
  it('lists this computer with built-ins told apart by RID and administrators by group SID', async () => {
    const { thisComputer } = await practice();
    const accounts = await accountsOf(thisComputer);
    expect(accounts.map((a) => a.login)).toEqual([
      'Administrator', 'Guest', 'DefaultAccount', 'WDAGUtilityAccount', 'sam.admin', "o'brien", 'Zoë', 'Łukasz', 'svc-backup', 'kiosk', 'maria', 'temp.contractor',
    ]);
    const admin = byLogin(accounts, 'Administrator');
    expect(admin).toMatchObject({
      directoryId: 'windows:this-computer',
      kind: 'windows',
      id: 'S-1-5-21-3623811015-3361044348-30300820-500',
      enabled: false,
      privileged: true,
      privilegedWhy: 'the built-in Administrator account (RID 500)',
      attributes: { rid: 500, host: 'WS-ADMIN01', principalSource: 'Local', guest: false, isConnectionAccount: false, isCurrentUser: false },
    });
    expect(accounts.filter((a) => a.attributes.guest).map((a) => a.login)).toEqual(['Guest']);
    expect(byLogin(accounts, 'sam.admin')).toMatchObject({ privileged: true, privilegedWhy: 'member of Administrators', groups: ['Administrators', 'Users'] });
    expect(byLogin(accounts, 'svc-backup').attributes.neverExpires).toBe(true);
    expect(byLogin(accounts, 'Zoë')).toMatchObject({ displayName: 'Zoë Martin', attributes: { neverExpires: false, mustChange: false } });
    expect(byLogin(accounts, 'maria').attributes.principalSource).toBe('MicrosoftAccount');
    // Dates keep the computer's own offset (Windows PowerShell 5.1 would have written \/Date(ms)\/).
    expect(byLogin(accounts, 'Łukasz').attributes.lastSignIn).toBe('2026-11-20T13:00:00.0000000-05:00');
  });

  it('recognises translated built-ins and groups on French and German hosts by SID', async () => {
    const { remoteHosts } = await practice();
    const pages: string[][] = [];
    for await (const page of remoteHosts.listAccounts({})) pages.push(page.map((a) => `${a.attributes.host}/${a.login}`));
    expect(pages.map((p) => p[0])).toEqual(['PARIS-FS01/Administrateur', 'BERLIN-APP02/Administrator']);
    const accounts = await collectAccounts(remoteHosts, {});
    const guests = accounts.filter((a) => a.attributes.guest).map((a) => `${a.attributes.host}/${a.login}`);
    expect(guests).toEqual(['PARIS-FS01/Invité', 'BERLIN-APP02/Gast']);
    expect(accounts.find((a) => a.login === "d'artagnan")).toMatchObject({ privileged: true, privilegedWhy: 'member of Administrateurs' });
    expect(accounts.find((a) => a.login === 'jürgen')?.groups).toEqual(['Benutzer', 'Remotedesktopbenutzer']);
    // The Kerberos identity is a domain account: no local account is the connection account.
    expect(accounts.some((a) => a.attributes.isConnectionAccount)).toBe(false);
  });

  it('keeps listing when some hosts fail, and says why for each', async () => {
    const { remoteHosts } = await practice();
    await collectAccounts(remoteHosts, {});
    expect(remoteHosts.hostProblems().map((p) => [p.host, p.kind])).toEqual([
      ['MADRID-WS07', 'trusted-hosts'],
      ['LONDON-KIOSK3', 'unreachable'],
    ]);
  });

  it('fails the listing with every sentence when no host answers', async () => {
    const p = await practice();
    const offline = await p.connect({ id: 'windows:uk', displayName: 'UK', hosts: ['LONDON-KIOSK3', 'nowhere-07'] });
    await expect(collectAccounts(offline, {})).rejects.toThrow(
      'LONDON-KIOSK3 could not be reached over WinRM: check that the name resolves, the computer is on, and remoting is enabled there (Enable-PSRemoting) with ports 5985/5986 open in its firewall. nowhere-07 could not be reached over WinRM',
    );
  });

  it('still finds administrators when Get-LocalGroupMember chokes on an orphaned SID, and says ADSI was used', async () => {
    const p = await practice((network) => {
      network.thisComputer.sam.group('administrators').orphanedMember = true;
    });
    const accounts = await accountsOf(p.thisComputer);
    expect(byLogin(accounts, 'sam.admin').privileged).toBe(true);
    expect(p.thisComputer.listingWarnings()).toEqual([
      { host: 'WS-ADMIN01', message: "Get-LocalGroupMember could not read the local group 'Administrators' (Failed to compare two elements in the array.), so its members were read with ADSI." },
    ]);
  });

  it('searches names and filters by group', async () => {
    const { thisComputer } = await practice();
    expect((await collectAccounts(thisComputer, { search: 'ZO' })).map((a) => a.login)).toEqual(['Zoë']);
    expect((await collectAccounts(thisComputer, { search: 'kowal' })).map((a) => a.login)).toEqual(['Łukasz']);
    expect((await collectAccounts(thisComputer, { group: 'backup operators' })).map((a) => a.login)).toEqual(['svc-backup']);
  });

  it('runs the preflight check and reports elevation per host', async () => {
    const p = await practice((network) => {
      network.thisComputer.elevatedLocally = false;
    });
    const [local] = await p.thisComputer.preflight();
    expect(local?.reply).toMatchObject({ computerName: 'WS-ADMIN01', elevated: false, localAccounts: true, edition: 'Desktop' });
    expect(local?.reply?.problems).toEqual(['PowerShell is not running as administrator, so Windows will refuse to change local accounts.']);
  });
});

describe('planning a reset', () => {
  it('clears "never expires" first, says sessions are not ended, and keeps end-sessions not applicable', async () => {
    const { thisComputer } = await practice();
    const accounts = await accountsOf(thisComputer);
    const [plan] = await thisComputer.planReset([byLogin(accounts, 'svc-backup')], defaultResetOptions);
    expect(plan?.steps).toEqual([
      { step: 'clear-never-expires', applicable: true, description: 'Turn off "Password never expires", which would silently cancel the forced change.' },
      { step: 'force-change', applicable: true, description: 'Set "User must change password at next logon" (ADSI PasswordExpired = 1; net user /logonpasswordchg:yes if ADSI is unavailable).' },
      { step: 'end-sessions', applicable: false, description: 'Not possible for Windows local accounts: interactive sessions are not ended.' },
    ]);
    expect(plan?.warnings).toEqual([
      { kind: 'never-expires-will-be-cleared', message: '"Password never expires" is on for svc-backup and will be turned off first; if this is a service account, its password will now age like any other.' },
      { kind: 'sessions-not-ended', message: 'interactive sessions are not ended; sign the user out or restart the machine' },
    ]);
  });

  it('marks the account as not flaggable when the option to clear "never expires" is off', async () => {
    const { thisComputer } = await practice();
    const [plan] = await thisComputer.planReset([byLogin(await accountsOf(thisComputer), 'svc-backup')], { ...defaultResetOptions, clearNeverExpires: false, endSessions: false });
    expect(plan?.steps).toEqual([expect.objectContaining({ step: 'force-change', applicable: false })]);
    expect(plan?.warnings.map((w) => w.kind)).toEqual(['never-expires-blocks-flag']);
  });

  it('warns about disabled accounts, Microsoft accounts, users who cannot change the password, and a non-elevated session', async () => {
    const p = await practice((network) => {
      network.thisComputer.elevatedLocally = false;
    });
    await p.thisComputer.preflight();
    const accounts = await accountsOf(p.thisComputer);
    const plans = await p.thisComputer.planReset(['Guest', 'kiosk', 'maria', 'temp.contractor'].map((l) => byLogin(accounts, l)), { ...defaultResetOptions, endSessions: false });
    const kinds = Object.fromEntries(plans.map((plan) => [plan.account.login, plan.warnings.map((w) => w.kind)]));
    expect(kinds).toEqual({
      Guest: ['never-expires-will-be-cleared', 'user-cannot-change-password', 'disabled-flag-applies-when-enabled', 'not-elevated'],
      kiosk: ['disabled-flag-applies-when-enabled', 'not-elevated'],
      maria: ['not-a-local-account', 'not-elevated'],
      'temp.contractor': ['user-cannot-change-password', 'not-elevated'],
    });
    expect(plans[0]?.warnings.find((w) => w.kind === 'disabled-flag-applies-when-enabled')?.message).toBe(
      'Guest is the built-in Guest account (RID 501) and is disabled; the flag takes effect when it is enabled again.',
    );
    expect(plans[2]?.steps.every((s) => !s.applicable)).toBe(true);
    expect(plans[2]?.warnings[0]?.message).toBe('maria signs in with a MicrosoftAccount account, whose password is not kept on WS-ADMIN01, so Rekey cannot force a change there.');
  });

  it('passes on what it knows about an unreachable host', async () => {
    const { remoteHosts } = await practice();
    await collectAccounts(remoteHosts, {});
    const london = { ...byLogin(await collectAccounts(remoteHosts, { search: 'jürgen' }), 'jürgen'), attributes: { host: 'LONDON-KIOSK3', principalSource: 'Local' } };
    const [plan] = await remoteHosts.planReset([london], defaultResetOptions);
    expect(plan?.warnings.find((w) => w.kind === 'host-unreachable')?.message).toMatch(/^LONDON-KIOSK3 could not be reached over WinRM/);
  });

  it('tells core how to pace it and what it can do', async () => {
    const { thisComputer } = await practice();
    expect(thisComputer.pacing).toEqual({ maxConcurrency: 1, batchSize: 500 });
    expect(thisComputer.capabilities).toEqual({ forceChange: true, forceChangeWithMfa: false, endSessions: false, readsSessionRevocation: false, clearNeverExpires: true });
  });
});
