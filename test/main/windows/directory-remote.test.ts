// The Windows directory over simulated remote hosts: fan-out, each way a host
// can fail (with its sentence), and the connection account.
import { describe, expect, it } from 'vitest';
import { collectAccounts, defaultResetOptions } from '../../../main/core/domain';
import { createPracticeWindows } from '../../../main/practice/windows/index';
import { practiceIdentity, remoteSeeds } from '../../../main/practice/windows/population';
import { SimulatedNetwork } from '../../../main/practice/windows/simulated-host';
import { batchOf, byLogin, fixedClock, practice, signal } from './practice-setup';

const madridOverHttps = {
  id: 'windows:madrid',
  displayName: 'Madrid',
  hosts: ['MADRID-WS07'],
  transport: { kind: 'https' as const, authentication: 'Negotiate' as const },
  identity: { kind: 'explicit' as const, ...practiceIdentity.workgroup },
};

describe('fanning out to remote hosts', () => {
  it('sends one Invoke-Command request for all hosts, 16 at a time by default or as configured', async () => {
    const p = await practice();
    await collectAccounts(p.remoteHosts, {});
    expect(p.network.requests.at(-1)).toEqual({
      script: 'list',
      hosts: ['PARIS-FS01', 'BERLIN-APP02', 'MADRID-WS07', 'LONDON-KIOSK3'],
      throttle: 16,
      useSsl: false,
      port: null,
      authentication: 'Kerberos',
      useCredential: false,
    });
    const narrow = await p.connect({ id: 'windows:two', displayName: 'Two', hosts: ['PARIS-FS01', 'berlin-app02.contoso.local'], throttle: 4 });
    const accounts = await collectAccounts(narrow, {});
    expect(p.network.requests.at(-1)).toMatchObject({ throttle: 4, hosts: ['PARIS-FS01', 'berlin-app02.contoso.local'] });
    expect(new Set(accounts.map((a) => a.attributes.host))).toEqual(new Set(['PARIS-FS01', 'berlin-app02.contoso.local']));
  });

  it('resets accounts on several hosts in one round trip, each host answering for its own', async () => {
    const p = await practice();
    const accounts = await collectAccounts(p.remoteHosts, {});
    const chosen = ['amélie', 'jürgen', 'svc-druck'].map((l) => byLogin(accounts, l));
    const results = await p.remoteHosts.reset(batchOf(chosen, ['clear-never-expires', 'force-change']), signal());
    expect(results.map((r) => r.steps.map((s) => s.status))).toEqual([
      ['done', 'done'],
      ['done', 'done'],
      ['done', 'done'],
    ]);
    expect(results[2]?.steps[0]?.message).toBe("Turned off 'Password never expires', which would have cancelled the forced change.");
    expect(p.network.requests.filter((r) => r.script === 'reset')).toHaveLength(1);
    expect(p.network.resolve('BERLIN-APP02')?.sam.operations.map((o) => `${o.name}:${o.what}`)).toEqual(['jürgen:set-password-expired', 'svc-druck:clear-never-expires', 'svc-druck:set-password-expired']);
    const states = await p.remoteHosts.readState(chosen);
    expect(states.map((s) => s.mustChange)).toEqual(['yes', 'yes', 'yes']);
  });
});

describe('a host that fails is reported in one sentence per class', () => {
  async function resetOn(adjust: (network: SimulatedNetwork) => void, hostLogin = 'amélie') {
    const p = await practice();
    const accounts = await collectAccounts(p.remoteHosts, {});
    const account = byLogin(accounts, hostLogin);
    adjust(p.network);
    const [result] = await p.remoteHosts.reset(batchOf([account]), signal());
    return { p, account, step: result?.steps[0] };
  }

  it('unreachable', async () => {
    const { step } = await resetOn((network) => {
      network.resolve('PARIS-FS01')!.reachability = 'offline';
    });
    expect(step).toMatchObject({ status: 'failed', retryable: true });
    expect(step?.message).toBe('PARIS-FS01 could not be reached over WinRM: check that the name resolves, the computer is on, and remoting is enabled there (Enable-PSRemoting) with ports 5985/5986 open in its firewall.');
    expect(step?.evidence.at(-1)).toMatchObject({ kind: 'note', text: expect.stringContaining('CannotConnect,PSSessionStateBroken') });
  });

  it('timeout', async () => {
    const { step } = await resetOn((network) => {
      network.resolve('PARIS-FS01')!.reachability = 'slow';
    });
    expect(step).toMatchObject({ status: 'failed', retryable: true, message: 'PARIS-FS01 did not answer in time: check that it is awake and not overloaded, then retry.' });
  });

  it('script-error', async () => {
    const { step } = await resetOn((network) => {
      network.resolve('PARIS-FS01')!.scriptError = "The term 'Get-LocalUser' is not recognized as the name of a cmdlet, function, script file, or operable program.";
    });
    expect(step).toMatchObject({ status: 'failed' });
    expect(step?.retryable).toBeUndefined();
    expect(step?.message).toBe(
      "Rekey's script failed on PARIS-FS01 (The term 'Get-LocalUser' is not recognized as the name of a cmdlet, function, script file, or operable program.): run the preflight check for PARIS-FS01, which tells whether PowerShell 5.1, the LocalAccounts module and administrator rights are there.",
    );
  });

  it('access-denied, when the current identity is not an administrator there', async () => {
    const { step } = await resetOn((network) => {
      network.resolve('PARIS-FS01')!.access.admins = [];
    });
    expect(step?.message).toBe(
      'PARIS-FS01 refused access: connect with an account in its Administrators group, and for a local (non-domain) account set LocalAccountTokenFilterPolicy to 1 on PARIS-FS01, because UAC otherwise strips administrator rights from remote sign-ins.',
    );
  });

  it('wrong-computer, when the name now leads to another machine: nothing is changed there', async () => {
    const p = await practice();
    const viaAddress = await p.connect({ id: 'windows:paris-ip', displayName: 'Paris by address', hosts: ['10.20.1.15'], transport: { kind: 'https', authentication: 'Negotiate' }, identity: { kind: 'current' } });
    p.network.trustedHosts.add('10.20.1.15');
    const amelie = byLogin(await collectAccounts(viaAddress, {}), 'amélie');
    // DHCP hands the address to the Berlin server.
    p.network.addComputer(p.network.resolve('BERLIN-APP02')!, '10.20.1.15');
    const [result] = await viaAddress.reset(batchOf([amelie]), signal());
    expect(result?.steps[0]?.retryable).toBeUndefined();
    expect(result?.steps[0]).toMatchObject({ status: 'failed', message: '10.20.1.15 answered as BERLIN-APP02, not as PARIS-FS01 where these accounts were listed, so nothing was changed: list the accounts again.' });
    expect(p.network.resolve('BERLIN-APP02')?.sam.operations).toEqual([]);
    expect(p.network.resolve('PARIS-FS01')?.sam.operations).toEqual([]);
  });

  it('trusted-hosts, for a workgroup host over HTTP', async () => {
    const p = await practice();
    await collectAccounts(p.remoteHosts, {});
    const madrid = p.remoteHosts.hostProblems().find((f) => f.host === 'MADRID-WS07');
    expect(madrid).toMatchObject({ kind: 'trusted-hosts', retryable: false });
    expect(madrid?.sentence).toBe("MADRID-WS07 cannot be reached with Kerberos from here: use HTTPS (port 5986) with a credential, or add MADRID-WS07 to this computer's WinRM TrustedHosts list and enter a credential.");
  });

  it('access-denied for a wrong password, and for a local administrator filtered by UAC', async () => {
    const p = await practice();
    const wrong = await p.connect({ ...madridOverHttps, id: 'windows:wrong', identity: { kind: 'explicit', userName: practiceIdentity.workgroup.userName, password: 'not it' } });
    await expect(collectAccounts(wrong, {})).rejects.toThrow('MADRID-WS07 rejected the user name or password: enter the credential for this session again.');

    const filtered = await practice((network) => {
      network.resolve('MADRID-WS07')!.access.localAccountTokenFilterPolicy = false;
    });
    const madrid = await filtered.connect(madridOverHttps);
    await expect(collectAccounts(madrid, {})).rejects.toThrow(/^MADRID-WS07 refused access: .*LocalAccountTokenFilterPolicy to 1 on MADRID-WS07/);
  });

  it('marks the host unreachable in the plan after a failed contact', async () => {
    const p = await practice();
    const accounts = await collectAccounts(p.remoteHosts, {});
    p.network.resolve('PARIS-FS01')!.reachability = 'offline';
    await p.remoteHosts.readState([byLogin(accounts, 'amélie')]);
    const [plan] = await p.remoteHosts.planReset([byLogin(accounts, 'amélie')], defaultResetOptions);
    expect(plan?.warnings.at(-1)).toEqual({ kind: 'host-unreachable', message: expect.stringMatching(/^PARIS-FS01 could not be reached over WinRM/) });
  });
});

describe('the account Rekey connects with', () => {
  it('is marked on listing, refused in the plan and in the reset, while the other accounts are reset', async () => {
    const p = await practice();
    const madrid = await p.connect(madridOverHttps);
    const accounts = await collectAccounts(madrid, {});
    const connection = byLogin(accounts, 'rekey-admin');
    expect(connection.attributes).toMatchObject({ isConnectionAccount: true, isCurrentUser: false, host: 'MADRID-WS07' });
    expect(accounts.filter((a) => a.attributes.isConnectionAccount)).toHaveLength(1);

    const [plan] = await madrid.planReset([connection], defaultResetOptions);
    expect(plan?.steps.filter((s) => s.step === 'force-change')).toEqual([expect.objectContaining({ applicable: false })]);
    expect(plan?.warnings[0]).toEqual({
      kind: 'connection-account',
      message: 'rekey-admin is the account Rekey connects to MADRID-WS07 with; once it must change its password Windows refuses its network sign-ins (error 1907), so Rekey will not flag it in this run. Reset it last, from another account or at the console.',
    });

    const results = await madrid.reset(batchOf([connection, byLogin(accounts, 'josé'), byLogin(accounts, 'łukasz.n')]), signal());
    expect(results.map((r) => r.steps[0]?.status)).toEqual(['skipped', 'done', 'done']);
    expect(results[0]?.steps[0]?.message).toBe(
      'Not changed: rekey-admin is the account Rekey is connected to MADRID-WS07 with, and once it must change its password Windows refuses its network sign-ins (error 1907); reset it last, from another account or at the console.',
    );
    expect(p.network.resolve('MADRID-WS07')?.sam.operations.map((o) => o.name)).toEqual(['josé', 'łukasz.n']);
  });

  it('is refused by reset.ps1 itself when the request reaches the host anyway', async () => {
    const p = await practice();
    const madrid = await p.connect(madridOverHttps);
    const connection = byLogin(await collectAccounts(madrid, {}), 'rekey-admin');
    const unmarked = { ...connection, attributes: { ...connection.attributes, isConnectionAccount: false } };
    const [result] = await madrid.reset(batchOf([unmarked]), signal());
    expect(result?.steps[0]).toMatchObject({
      status: 'skipped',
      message: "Not changed: 'rekey-admin' is the account Rekey is connected to MADRID-WS07 with, and once it must change its password Windows refuses its network sign-ins (error 1907); reset it last, from another account or at the console.",
    });
    expect(p.network.resolve('MADRID-WS07')?.sam.operations).toEqual([]);
  });

  it('is never the operator on this computer: a local session has no connection account', async () => {
    const madridSeed = remoteSeeds[2]!.seed;
    const network = new SimulatedNetwork(SimulatedNetwork.computer(madridSeed, fixedClock), { name: 'MADRID-WS07\\rekey-admin', sid: `${madridSeed.machineSid}-1001` }, fixedClock);
    const local = await createPracticeWindows({ clock: fixedClock, network, timeoutMs: 100 });
    const accounts = await collectAccounts(local.thisComputer, {});
    expect(byLogin(accounts, 'rekey-admin').attributes).toMatchObject({ isCurrentUser: true, isConnectionAccount: false });
    const [result] = await local.thisComputer.reset(batchOf([byLogin(accounts, 'rekey-admin')]), signal());
    expect(result?.steps[0]?.status).toBe('done');
  });
});
