import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectAccounts, defaultResetOptions, type Account } from '../../../main/core/domain';
import { createSampleDirectories, SampleDirectory } from '../../../main/practice/sample-directory';
import { fileSampleState } from '../../../main/practice/sample-state-file';
import { FakeClock } from '../core/fakes';

const find = async (directory: SampleDirectory, login: string): Promise<Account> => (await collectAccounts(directory, {})).find((a) => a.login === login)!;

describe('practice directories', () => {
  it('have realistic, mixed populations', async () => {
    const [entra, okta, windows] = createSampleDirectories();
    const all = [...(await collectAccounts(entra!, {})), ...(await collectAccounts(okta!, {})), ...(await collectAccounts(windows!, {}))];
    expect(all.some((a) => a.attributes.synced)).toBe(true);
    expect(all.some((a) => a.attributes.guest && a.kind === 'entra')).toBe(true);
    expect(all.some((a) => a.privileged && a.kind === 'okta')).toBe(true);
    expect(all.filter((a) => a.kind === 'windows' && a.attributes.rid === 500).map((a) => a.login).sort()).toEqual(['Administrateur', 'Administrator']);
    expect(all.some((a) => a.attributes.neverExpires)).toBe(true);
    expect(all.some((a) => a.displayName.includes("'"))).toBe(true);
    expect(all.some((a) => [...a.login].some((c) => c.charCodeAt(0) > 127))).toBe(true);
    expect(new Set(all.map((a) => `${a.directoryId}|${a.id}`)).size).toBe(all.length);
  });

  it('plan, reset and read back like the real thing, with evidence', async () => {
    const clock = new FakeClock();
    const [entra] = createSampleDirectories({ clock });
    const adele = await find(entra!, 'adele.vance@contoso-practice.onmicrosoft.com');
    const [plan] = await entra!.planReset([adele], defaultResetOptions);
    expect(plan!.steps.filter((s) => s.applicable).map((s) => s.step)).toEqual(['force-change', 'end-sessions']);
    const [result] = await entra!.reset({ items: [{ account: adele, steps: ['force-change', 'end-sessions'] }], options: defaultResetOptions }, new AbortController().signal);
    expect(result!.steps.map((s) => s.status)).toEqual(['done', 'done']);
    expect(result!.steps[0]!.evidence[0]).toMatchObject({ kind: 'http', method: 'PATCH', status: 204, requestId: expect.any(String) });
    const [state] = await entra!.readState([adele]);
    expect(state).toMatchObject({ mustChange: 'yes', sessionsRevokedSince: new Date(clock.now()).toISOString(), via: 'Graph' });
  });

  it('injects faults: transient 429 with Retry-After, permanent refusal, a flag that does not stick, an unreadable account', async () => {
    const options = defaultResetOptions;
    const okta = new SampleDirectory('okta', {
      faults: {
        transient: [{ login: 'adele.vance@fabrikam.example', times: 1, retryAfterMs: 1500 }],
        permanent: ['alex.wilber@fabrikam.example'],
        silentlyIgnored: ['grady.archie@fabrikam.example'],
        unreadable: ['joni.sherman@fabrikam.example'],
      },
    });
    const accounts = await Promise.all(['adele.vance', 'alex.wilber', 'grady.archie', 'joni.sherman'].map((n) => find(okta, `${n}@fabrikam.example`)));
    const signal = new AbortController().signal;
    const first = await okta.reset({ items: accounts.map((account) => ({ account, steps: ['force-change', 'end-sessions'] })), options }, signal);
    expect(first[0]!.steps[0]).toMatchObject({ status: 'failed', retryable: true, retryAfterMs: 1500, evidence: [{ status: 429 }] });
    expect(first[0]!.steps[1]!.status).toBe('skipped');
    expect(first[1]!.steps[0]).toMatchObject({ status: 'failed', retryable: false, evidence: [{ status: 403, errorCode: 'E0000006' }] });
    expect(first[2]!.steps.map((s) => s.status)).toEqual(['done', 'done']);
    const again = await okta.reset({ items: [{ account: accounts[0]!, steps: ['force-change'] }], options }, signal);
    expect(again[0]!.steps[0]!.status).toBe('done');
    const states = await okta.readState(accounts);
    expect(states.map((s) => s.mustChange)).toEqual(['yes', 'no', 'no', 'unknown']);
    expect(states[3]!.error).toContain('try verifying again');
  });

  it('Windows: clears never-expires, never ends sessions, and reports a timeout as transient', async () => {
    const windows = new SampleDirectory('windows', { faults: { transient: [{ login: 'sql_svc', times: 1 }] } });
    const svc = await find(windows, 'sql_svc');
    const [plan] = await windows.planReset([svc], defaultResetOptions);
    expect(plan!.steps.filter((s) => s.applicable).map((s) => s.step)).toEqual(['clear-never-expires', 'force-change']);
    expect(plan!.warnings.map((w) => w.kind)).toContain('sessions-not-ended');
    const signal = new AbortController().signal;
    const [first] = await windows.reset({ items: [{ account: svc, steps: ['clear-never-expires', 'force-change'] }], options: defaultResetOptions }, signal);
    expect(first!.steps[0]).toMatchObject({ status: 'failed', retryable: true, evidence: [{ kind: 'powershell', exitStatus: 'timeout' }] });
    await windows.reset({ items: [{ account: svc, steps: ['clear-never-expires', 'force-change'] }], options: defaultResetOptions }, signal);
    expect((await windows.readState([svc]))[0]).toMatchObject({ mustChange: 'yes', neverExpires: false, via: 'ADSI' });
    expect((await find(windows, 'sql_svc')).attributes.neverExpires).toBe(false);
  });

  it('keeps state in a file so a second process sees what the first changed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rekey-practice-'));
    try {
      const file = path.join(dir, 'practice', 'state.json');
      const first = new SampleDirectory('okta', { state: fileSampleState(file) });
      const adele = await find(first, 'adele.vance@fabrikam.example');
      await first.reset({ items: [{ account: adele, steps: ['force-change'] }], options: defaultResetOptions }, new AbortController().signal);
      const second = new SampleDirectory('okta', { state: fileSampleState(file) });
      expect((await second.readState([adele]))[0]).toMatchObject({ mustChange: 'yes', directoryStatus: 'PASSWORD_EXPIRED' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
