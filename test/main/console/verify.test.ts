// The helpdesk's view: findings in plain words, look-up by name across
// directories (exact matches first, Windows host filter, a failing directory
// named), verify again, and pasted net user output explained.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account, AccountQuery, DirectoryCapabilities, VerifiedState } from '../../../main/core/domain';
import { clockTime, stateFindings } from '../../../main/console/findings';
import { explainNetUserText } from '../../../main/console/net-user-findings';
import { namesAccount } from '../../../main/console/verify';
import { allCapabilities, FakeClock, makeAccount, ScriptedDirectory } from '../core/fakes';
import { testConsole, type TestConsole } from './support';

/** HH:MM on this machine's clock, computed independently of the code under test. */
const hhmm = (iso: string) => new Date(iso).toTimeString().slice(0, 5);

const state = (overrides: Partial<VerifiedState>): VerifiedState => ({
  directoryId: 'd',
  accountId: 'a',
  mustChange: 'yes',
  checkedAt: '2026-05-04T14:02:10.000Z',
  via: 'Graph',
  evidence: [],
  ...overrides,
});
const noSessions: DirectoryCapabilities = { ...allCapabilities, readsSessionRevocation: false, endSessions: false };
const find = (findings: ReturnType<typeof stateFindings>, label: string) => findings.find((f) => f.label === label);

describe('findings in plain words', () => {
  it('Entra: must change with the time and source of the check, and when sessions were revoked', () => {
    const account = makeAccount({ kind: 'entra' });
    const checkedAt = '2026-05-04T14:02:10.000Z';
    const findings = stateFindings(account, state({ checkedAt, sessionsRevokedSince: '2026-05-04T14:01:00.000Z' }), allCapabilities);
    expect(find(findings, 'Must change password at next sign-in')).toEqual({ label: 'Must change password at next sign-in', value: `Yes — checked ${hhmm(checkedAt)} via Graph`, tone: 'good' });
    expect(find(findings, 'Sessions')?.value).toBe(`Revoked since ${hhmm('2026-05-04T14:01:00.000Z')}`);
    expect(find(findings, 'Account enabled')?.value).toBe('Yes');
  });

  it('Entra: a revocation on another day shows its date, and never revoked is said plainly', () => {
    const account = makeAccount({ kind: 'entra' });
    const earlier = stateFindings(account, state({ sessionsRevokedSince: '2025-01-02T03:04:00.000Z' }), allCapabilities);
    expect(find(earlier, 'Sessions')?.value).toBe(`Revoked since ${clockTime('2025-01-02T03:04:00.000Z', '2026-05-04T14:02:10.000Z')}`);
    expect(find(earlier, 'Sessions')?.value).toMatch(/^Revoked since 2025-01-0[12] \d\d:\d\d$/);
    expect(find(stateFindings(account, state({ sessionsRevokedSince: null, mustChange: 'no' }), allCapabilities), 'Sessions')).toMatchObject({ value: 'Not revoked', tone: 'bad' });
  });

  it('Okta: says it cannot report session revocation, with the status', () => {
    const account = makeAccount({ kind: 'okta' });
    const findings = stateFindings(account, state({ via: 'Okta API', directoryStatus: 'PASSWORD_EXPIRED' }), noSessions);
    expect(find(findings, 'Sessions')?.value).toBe('Okta cannot report session revocation; status is PASSWORD_EXPIRED');
    expect(find(findings, 'Directory status')?.value).toBe('PASSWORD_EXPIRED');
    expect(find(findings, 'Must change password at next sign-in')?.value).toMatch(/^Yes — checked \d\d:\d\d via Okta API$/);
  });

  it('Windows: "password never expires" cancels the flag and is flagged; sessions are not ended', () => {
    const account = makeAccount({ kind: 'windows', enabled: false, attributes: { host: 'PARIS-FS01' } });
    const findings = stateFindings(account, state({ via: 'ADSI', mustChange: 'no', neverExpires: true }), noSessions);
    expect(find(findings, 'Must change password at next sign-in')).toMatchObject({ value: expect.stringMatching(/^No — checked \d\d:\d\d via ADSI$/), tone: 'bad', detail: expect.stringContaining('"Password never expires" is set') });
    expect(find(findings, 'Password never expires')).toMatchObject({ value: 'Yes', tone: 'bad' });
    expect(find(findings, 'Sessions')).toMatchObject({ value: 'Not ended by Rekey', detail: expect.stringContaining('PARIS-FS01') });
    expect(find(findings, 'Account enabled')).toMatchObject({ value: 'No', detail: 'The flag takes effect when the account is enabled again.' });
  });

  it('an account that could not be read says so, and why', () => {
    const findings = stateFindings(makeAccount(), state({ mustChange: 'unknown', error: 'PARIS-FS01 did not answer in time: check that it is awake.' }), allCapabilities);
    expect(findings[0]).toMatchObject({ label: 'Could not read the account', tone: 'unknown', detail: 'PARIS-FS01 did not answer in time: check that it is awake.' });
    expect(find(findings, 'Must change password at next sign-in')?.tone).toBe('unknown');
  });
});

describe('verify.lookup', () => {
  const clock = new FakeClock(Date.now());
  const entraAccounts = [makeAccount({ directoryId: 'entra:c', login: 'adele@contoso.example', displayName: 'Adele Vance' }), makeAccount({ directoryId: 'entra:c', login: 'adele.vance@contoso.example' })];
  const windowsAccounts = [
    makeAccount({ directoryId: 'windows:h', kind: 'windows', login: 'adele', attributes: { host: 'PARIS-FS01', neverExpires: true } }),
    makeAccount({ directoryId: 'windows:h', kind: 'windows', login: 'adele', attributes: { host: 'BERLIN-APP02' } }),
  ];
  const entra = new ScriptedDirectory('entra:c', entraAccounts, undefined, undefined, clock, allCapabilities, 'Contoso');
  const windows = new ScriptedDirectory('windows:h', windowsAccounts, undefined, undefined, clock, noSessions, 'Branch offices');
  const broken = Object.assign(new ScriptedDirectory('okta:f', [], undefined, undefined, clock, noSessions, 'Fabrikam'), {
    // eslint-disable-next-line require-yield
    async *listAccounts(_query: AccountQuery): AsyncGenerator<Account[]> {
      throw new Error('Okta answered 401: the API token was revoked; paste a new one in Connections.');
    },
  });
  let desk: TestConsole;
  afterEach(() => desk.close());

  it('re-reads the exact matches in every directory, limits Windows to a host, and names a directory that failed', async () => {
    desk = await testConsole(() => [entra, windows, broken], { clock });
    const result = await desk.verify.lookup({ name: 'adele', host: 'paris-fs01.contoso.local' });
    expect(result.matches.map((m) => [m.account.directoryId, m.account.login, m.account.attributes.host])).toEqual([
      ['entra:c', 'adele@contoso.example', undefined],
      ['windows:h', 'adele', 'PARIS-FS01'],
    ]);
    const paris = result.matches[1]!;
    expect(paris.state.via).toBe('scripted');
    expect(paris.findings.find((f) => f.label === 'Password never expires')?.value).toBe('Yes');
    expect(result.searched).toEqual([
      { directoryId: 'entra:c', displayName: 'Contoso', matched: 1 },
      { directoryId: 'windows:h', displayName: 'Branch offices', matched: 1 },
      { directoryId: 'okta:f', displayName: 'Fabrikam', matched: 0, error: 'Fabrikam could not be searched: Okta answered 401: the API token was revoked; paste a new one in Connections.' },
    ]);
  });

  it('falls back to close matches when nothing matches exactly, in the named directories only', async () => {
    desk = await testConsole(() => [entra, windows, broken], { clock });
    const result = await desk.verify.lookup({ name: 'adele.v', directoryIds: ['Contoso'] });
    expect(result.matches.map((m) => m.account.login)).toEqual(['adele.vance@contoso.example']);
    expect(result.searched.map((s) => s.directoryId)).toEqual(['entra:c']);
    expect(namesAccount(entraAccounts[0]!, 'ADELE VANCE')).toBe(true);
    expect(namesAccount(windowsAccounts[1]!, 'berlin-app02\\adele')).toBe(true);
    expect(namesAccount(entraAccounts[1]!, 'adele')).toBe(false);
  });

  it('verify.again re-reads a run\'s accounts, journals the verdicts and announces them', async () => {
    desk = await testConsole(() => [entra], { clock });
    const plan = await desk.plans.create({ selection: { by: 'all' }, exclusionSets: [] });
    const { runId } = await desk.runs.start(plan.id, plan.entries.map((e) => ({ key: e.key, confirmed: true })));
    await desk.finished(runId);
    const before = desk.runEvents(runId).filter((e) => e.type === 'verify-finished').length;
    const results = await desk.verify.again(runId);
    expect(results.map((r) => r.outcome)).toEqual(['verified', 'verified']);
    expect(desk.runEvents(runId).filter((e) => e.type === 'verify-finished').length).toBe(before + 2);
    expect((await desk.activity.timeline()).filter((t) => t.kind === 'verify-again')).toHaveLength(2);
  });
});

describe('verify.explainNetUser', () => {
  it('reads English net user output into findings, says what it cannot prove, and lists lines it did not understand', async () => {
    const text = `${await readFile('test/fixtures/net-user/en-GB.txt', 'utf8')}\nFrobnication level          9\n`;
    const explanation = explainNetUserText(text);
    expect(explanation.language).toBe('English');
    expect(explanation.userName).toBe("o'brien");
    const value = (label: string) => explanation.findings.find((f) => f.label === label)?.value;
    expect(value('Must change password at next sign-in')).toBe('Cannot be read from net user');
    expect(value('Account active')).toBe('Yes, but locked out');
    expect(value('User may change password')).toBe('No');
    expect(value('Password expires')).toBe('2026-12-15 08:45:12');
    expect(explanation.caveats.some((c) => c.startsWith('net user has no line for "User must change password at next logon"'))).toBe(true);
    expect(explanation.unrecognised.some((line) => line.includes('Frobnication level'))).toBe(true);
  });

  it('says plainly when the text is not net user output', () => {
    const explanation = explainNetUserText('hello there\nthis is not it');
    expect(explanation.userName).toBeNull();
    expect(explanation.findings).toEqual([]);
    expect(explanation.caveats).toEqual(['This is not a net user account listing: no "User name" line was found, so nothing can be read from it.']);
  });
});
