// Resetting through the real Graph SDK against the stand-in: $batch rounds
// (PATCH, then revoke), throttled items retried after their Retry-After,
// pacing under the write quota, evidence per step, errors as sentences,
// token expiry in the middle of a run, cancellation, and verification by
// re-reading (which also catches a 204 that changed nothing).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectAccounts, defaultResetOptions, type Account, type AccountResetResult, type ResetOptions } from '../../../main/core/domain';
import type { EntraConnection } from '../../../main/entra/connection';
import type { EntraDirectory } from '../../../main/entra/directory';
import type { GraphStandIn } from '../../../main/practice/graph/server';
import { signedInConnection, startPracticeStandIn, testTimeScale } from './support';

const quota = { writesPerWindow: 60, windowSeconds: 150 };
let standIn: GraphStandIn;
let megan: EntraConnection;
let accounts: Account[];

beforeAll(async () => {
  standIn = await startPracticeStandIn({ writeQuota: quota });
  // Rekey paces to the same quota (scaled like the stand-in), at the default 90 % share.
  megan = await signedInConnection(standIn, 'meganb', undefined, { writeQuota: { writes: quota.writesPerWindow, windowMs: quota.windowSeconds * 1000 * testTimeScale } });
  accounts = await collectAccounts(megan.directory(), {});
});
afterAll(async () => {
  await standIn?.close();
});
beforeEach(() => {
  standIn.faults.clear();
});

const options: ResetOptions = { ...defaultResetOptions };

function ordinary(count: number, skip = 0): Account[] {
  return accounts
    .filter((a) => !a.privileged && !a.attributes.synced && !a.attributes.guest && !a.attributes.isCurrentUser)
    .slice(skip, skip + count);
}

/** What the run engine does: batches of pacing.batchSize, at most maxConcurrency in flight. */
async function runLikeTheEngine(directory: EntraDirectory, targets: Account[], resetOptions: ResetOptions, signal = new AbortController().signal): Promise<AccountResetResult[]> {
  const plans = await directory.planReset(targets, resetOptions);
  const items = plans.map((p) => ({ account: p.account, steps: p.steps.filter((s) => s.applicable).map((s) => s.step) }));
  const batches: (typeof items)[] = [];
  for (let i = 0; i < items.length; i += directory.pacing.batchSize) batches.push(items.slice(i, i + directory.pacing.batchSize));
  const results: AccountResetResult[] = [];
  const workers = Array.from({ length: directory.pacing.maxConcurrency }, async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) results.push(...(await directory.reset({ items: batch, options: resetOptions }, signal)));
  });
  await Promise.all(workers);
  return results;
}

function user(alias: string): Account {
  const found = accounts.find((a) => a.login === `${alias}@${standIn.tenantDomain}`);
  if (!found) throw new Error(alias);
  return found;
}

describe('reset of 100 users through $batch', () => {
  it('retries throttled items after their Retry-After, paces under the quota, and every user ends verified', async () => {
    const targets = ordinary(100);
    expect(targets).toHaveLength(100);
    const key = `${megan.config.clientId}|${standIn.tenantId}`;
    // Another tool of the tenant already used most of the app's write budget.
    for (let i = 0; i < 55; i++) standIn.throttle.take(key);
    standIn.faults.add({ kind: 'throttle', method: 'PATCH', userId: targets[7]?.id, retryAfterSeconds: 4, times: 2, scope: 'batch-item' });
    standIn.faults.add({ kind: 'throttle-without-retry-after', method: 'POST', userId: targets[42]?.id, scope: 'batch-item' });
    standIn.faults.add({ kind: 'unavailable', method: 'PATCH', userId: targets[77]?.id, scope: 'batch-item' });
    standIn.faults.add({ kind: 'gateway-timeout', path: '/$batch', skip: 3, scope: 'top-level' });
    const started = Math.floor(Date.now() / 1000) * 1000;
    const batchesBefore = standIn.requests.length;
    const operationsBefore = standIn.operations.length;

    const results = await runLikeTheEngine(megan.directory(), targets, options);

    expect(results).toHaveLength(100);
    for (const result of results) {
      expect(result.steps.map((s) => [s.step, s.status])).toEqual([
        ['force-change', 'done'],
        ['end-sessions', 'done'],
      ]);
    }
    // Throttled by injection (3 items) and, when the machine is fast enough to outrun the
    // stand-in's refill, by the pre-drained quota too; every 429 was retried to success (above).
    // The count of quota 429s depends on machine speed, so only the injected floor is asserted.
    const operations = standIn.operations.slice(operationsBefore);
    expect(operations.filter((o) => o.status === 429).length).toBeGreaterThanOrEqual(3);
    const retried = results.find((r) => r.accountId === targets[7]?.id)?.steps[0];
    expect(retried?.evidence.map((e) => (e.kind === 'http' ? e.status : 0))).toEqual([429, 429, 204]);
    expect(results.find((r) => r.accountId === targets[42]?.id)?.steps[1]?.evidence.some((e) => e.kind === 'http' && e.status === 429)).toBe(true);
    expect(results.find((r) => r.accountId === targets[77]?.id)?.steps[0]?.evidence.some((e) => e.kind === 'http' && e.status === 503)).toBe(true);

    // Evidence: status, request-id, our own client-request-id (a fresh GUID per attempt).
    const evidence = results.flatMap((r) => r.steps.flatMap((s) => s.evidence));
    expect(evidence.every((e) => e.kind === 'http' && e.requestId && /^[0-9a-f-]{36}$/.test(e.clientRequestId ?? ''))).toBe(true);
    const ids = evidence.map((e) => (e.kind === 'http' ? e.clientRequestId : ''));
    expect(new Set(ids).size).toBe(ids.length);

    // Never more than 20 requests per $batch; the 504 on one batch was retried.
    const batches = standIn.requests.slice(batchesBefore).filter((r) => r.path === '/$batch');
    expect(batches.every((b) => (b.batchSize ?? 0) <= 20)).toBe(true);
    expect(batches.some((b) => b.status === 504)).toBe(true);

    // Per user: the password flag was set before the sessions were revoked.
    for (const target of targets) {
      const mine = operations.filter((o) => o.userId === target.id && o.status < 300);
      const patch = mine.findIndex((o) => o.method === 'PATCH');
      const revoke = mine.findIndex((o) => o.method === 'POST');
      expect(patch).toBeGreaterThanOrEqual(0);
      expect(revoke).toBeGreaterThan(patch);
    }

    // Verify by re-reading, not by trusting the 204s.
    const states = await megan.directory().readState(targets);
    expect(states).toHaveLength(100);
    for (const state of states) {
      expect(state.mustChange).toBe('yes');
      expect(state.via).toBe('Graph');
      expect(Date.parse(state.sessionsRevokedSince ?? '')).toBeGreaterThanOrEqual(started);
      expect(state.error).toBeUndefined();
    }
  });
});

describe('accounts Graph refuses, as sentences an admin can act on', () => {
  it('skips the password step of synced users, ends guests’ sessions nowhere, and names the missing role for admins', async () => {
    const alex = await signedInConnection(standIn, 'alexw');
    const synced = accounts.find((a) => a.attributes.synced && !a.privileged) as Account;
    const guest = accounts.find((a) => a.attributes.guest) as Account;
    const admin = user('pattif');
    const plain = ordinary(1, 140)[0] as Account;
    await alex.checkPermissions();
    const directory = alex.directory();

    const plans = await directory.planReset([synced, guest, admin, plain], options);
    expect(plans[0]?.warnings.map((w) => w.kind)).toContain('synced-password-on-premises');
    expect(plans[0]?.steps.find((s) => s.step === 'force-change')?.applicable).toBe(false);
    expect(plans[1]?.warnings.map((w) => w.kind)).toContain('guest-sessions-not-revocable');
    expect(plans[2]?.warnings.find((w) => w.kind === 'privileged-needs-stronger-role')?.message).toBe(
      `pattif@${standIn.tenantDomain} is an admin (Global Administrator role); resetting an admin needs the Privileged Authentication Administrator role, which alexw@${standIn.tenantDomain} does not hold.`,
    );

    const results = await directory.reset(
      { items: [synced, guest, admin, plain].map((account) => ({ account, steps: ['force-change', 'end-sessions'] })), options },
      new AbortController().signal,
    );
    const [s, g, a, p] = results;
    expect(s?.steps[0]).toMatchObject({ status: 'not-applicable', evidence: [] });
    expect(s?.steps[0]?.message).toMatch(/synchronised from on-premises Active Directory/);
    expect(s?.steps[1]?.status).toBe('done');
    expect(g?.steps.map((x) => x.status)).toEqual(['done', 'not-applicable']);
    expect(g?.steps[1]?.message).toMatch(/guest who signs in through their home organisation/);
    expect(a?.steps.map((x) => x.status)).toEqual(['failed', 'failed']);
    expect(a?.steps[0]?.message).toBe(
      `pattif@${standIn.tenantDomain} is an admin (Global Administrator role), and setting "change password at next sign-in" for an admin needs the Privileged Authentication Administrator role, which alexw@${standIn.tenantDomain} does not hold; assign it in Roles and administrators or exclude this admin from the run.`,
    );
    expect(a?.steps[0]?.retryable).toBe(false);
    expect(a?.steps[0]?.evidence[0]).toMatchObject({ kind: 'http', method: 'PATCH', status: 403, errorCode: 'Authorization_RequestDenied' });
    expect(p?.steps.map((x) => x.status)).toEqual(['done', 'done']);
  });

  it("maps Graph's on-premises refusal when the listing was stale about a synced user", async () => {
    const synced = accounts.find((a) => a.attributes.synced && !a.privileged) as Account;
    const stale: Account = { ...synced, attributes: { ...synced.attributes, synced: false } };
    const [result] = await megan.directory().reset({ items: [{ account: stale, steps: ['force-change'] }], options }, new AbortController().signal);
    expect(result?.steps[0]).toMatchObject({ status: 'failed', retryable: false });
    expect(result?.steps[0]?.message).toBe(
      `${synced.login} is synchronised from on-premises Active Directory, so Entra ID refuses the change in the cloud; set "User must change password at next logon" for this user in Active Directory instead.`,
    );
    expect(result?.steps[0]?.evidence[0]).toMatchObject({ status: 400, errorCode: 'Request_BadRequest' });
  });

  it('lets a Privileged Authentication Administrator reset an admin', async () => {
    const target = user('johannal');
    const [result] = await megan.directory().reset({ items: [{ account: target, steps: ['force-change', 'end-sessions'] }], options }, new AbortController().signal);
    expect(result?.steps.map((s) => s.status)).toEqual(['done', 'done']);
  });
});

describe('the run keeps going when the access token expires mid-way', () => {
  it('refreshes silently through MSAL and loses nothing', async () => {
    const targets = ordinary(40, 100);
    const refreshesBefore = standIn.authority.grants.refresh_token;
    standIn.faults.add({ kind: 'token-expired', path: '/$batch', skip: 2, scope: 'top-level' });
    const before = standIn.requests.length;

    const results = await runLikeTheEngine(megan.directory(), targets, options);

    expect(standIn.requests.slice(before).some((r) => r.status === 401)).toBe(true);
    expect(standIn.authority.grants.refresh_token).toBeGreaterThan(refreshesBefore);
    expect(results.every((r) => r.steps.every((s) => s.status === 'done'))).toBe(true);
    const states = await megan.directory().readState(targets);
    expect(states.every((s) => s.mustChange === 'yes')).toBe(true);
  });
});

describe('verification', () => {
  it('catches a PATCH that answered 204 but changed nothing', async () => {
    const [target] = ordinary(1, 141);
    if (!target) throw new Error('no target');
    standIn.faults.add({ kind: 'silent-noop', method: 'PATCH', userId: target.id, scope: 'batch-item' });
    const [result] = await megan.directory().reset({ items: [{ account: target, steps: ['force-change'] }], options }, new AbortController().signal);
    expect(result?.steps[0]?.status).toBe('done');
    expect(result?.steps[0]?.message).toMatch(/verify re-reads the flag, because a 204 alone is not proof/);
    const [state] = await megan.directory().readState([target]);
    expect(state?.mustChange).toBe('no');
  });

  it('checks the MFA flag when the MFA variant was requested', async () => {
    const [target] = ordinary(1, 142);
    if (!target) throw new Error('no target');
    const mfa = { ...options, forceChangeWithMfa: true, endSessions: false };
    await megan.directory().reset({ items: [{ account: target, steps: ['force-change'] }], options: mfa }, new AbortController().signal);
    const [state] = await megan.directory().readState([target]);
    expect(state?.mustChange).toBe('yes');
    expect(standIn.state.users.get(target.id)?.passwordProfile.forceChangePasswordNextSignInWithMfa).toBe(true);
    expect(state?.evidence[0]).toMatchObject({ kind: 'http', method: 'GET', status: 200 });
  });

  it('says why an account could not be read', async () => {
    const ghost: Account = { ...(ordinary(1, 143)[0] as Account), id: '00000000-0000-4000-8000-000000000000', login: 'ghost@contoso.onmicrosoft.com' };
    const [state] = await megan.directory().readState([ghost]);
    expect(state?.mustChange).toBe('unknown');
    expect(state?.error).toBe('ghost@contoso.onmicrosoft.com no longer exists in Entra ID (deleted, or the list is stale); refresh the account list before running again.');
  });
});

describe('cancellation', () => {
  it('sends nothing when the run is already cancelled', async () => {
    const targets = ordinary(3, 144);
    const controller = new AbortController();
    controller.abort();
    const before = standIn.operations.length;
    const results = await megan.directory().reset({ items: targets.map((account) => ({ account, steps: ['force-change', 'end-sessions'] })), options }, controller.signal);
    expect(standIn.operations.length).toBe(before);
    expect(results.every((r) => r.steps.every((s) => s.status === 'cancelled'))).toBe(true);
  });

  it('stops while an item waits for its Retry-After, and never revokes before the password step', async () => {
    const targets = ordinary(3, 147);
    const waiting = targets[0] as Account;
    standIn.faults.add({ kind: 'throttle', method: 'PATCH', userId: waiting.id, retryAfterSeconds: 60_000, scope: 'batch-item' });
    const controller = new AbortController();
    const running = megan.directory().reset({ items: targets.map((account) => ({ account, steps: ['force-change', 'end-sessions'] })), options }, controller.signal);
    await waitFor(() => standIn.operations.some((o) => o.userId === waiting.id && o.status === 429));
    controller.abort();
    const results = await running;
    const first = results.find((r) => r.accountId === waiting.id);
    expect(first?.steps.map((s) => s.status)).toEqual(['cancelled', 'cancelled']);
    expect(first?.steps[0]?.evidence).toHaveLength(1);
    expect(standIn.operations.some((o) => o.userId === waiting.id && o.method === 'POST')).toBe(false);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition not reached');
}
