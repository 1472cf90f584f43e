// Rate limits and bad days, end to end through the SDK. Okta's clock (rate
// windows) runs fast in these tests; the headers still carry epoch seconds.
import { afterAll, describe, expect, it } from 'vitest';
import { collectAccounts, defaultResetOptions, type Account, type AccountResetResult } from '../../../main/core/domain';
import { OktaDirectory } from '../../../main/okta/directory';
import { expirableStatuses } from '../../../main/okta/plan';
import type { ObservedExchange } from '../../../main/practice/okta/server';
import { startTestOrg, type TestOrg } from '../practice/okta/support/org';
import { conformanceProblems } from '../practice/okta/openapi-validator';

const orgs: TestOrg[] = [];
afterAll(async () => {
  for (const org of orgs) await org.close();
  expect(conformanceProblems(orgs.flatMap((org) => org.exchanges))).toEqual([]);
});

async function org(options: Parameters<typeof startTestOrg>[0]): Promise<TestOrg> {
  const started = await startTestOrg(options);
  orgs.push(started);
  return started;
}

/** Accounts a reset can fully apply to: Okta-mastered or AD users who can sign in, no admins. */
async function resettable(okta: OktaDirectory, testOrg: TestOrg, count: number): Promise<Account[]> {
  const accounts = await collectAccounts(okta, {});
  const chosen = accounts.filter((account) => !account.privileged && expirableStatuses.has(account.attributes.status ?? '') && account.attributes.credentialProvider !== 'FEDERATION').slice(0, count);
  expect(chosen.length).toBe(count);
  marks.set(testOrg, testOrg.exchanges.length); // from here on, only the reset's own traffic
  return chosen;
}

const marks = new WeakMap<TestOrg, number>();
/** What the stand-in answered since resettable() chose the accounts (everything stays collected for the conformance check). */
const since = (testOrg: TestOrg) => testOrg.exchanges.slice(marks.get(testOrg) ?? 0);

/** Feed the directory the way the run engine does: batches of pacing.batchSize, pacing.maxConcurrency at once. */
async function runAll(okta: OktaDirectory, accounts: Account[], signal = new AbortController().signal): Promise<AccountResetResult[]> {
  const { batchSize, maxConcurrency } = okta.pacing;
  const batches: Account[][] = [];
  for (let index = 0; index < accounts.length; index += batchSize) batches.push(accounts.slice(index, index + batchSize));
  const results: AccountResetResult[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: maxConcurrency }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        results.push(...(await okta.reset({ items: batch.map((account) => ({ account, steps: ['force-change', 'end-sessions'] })), options: defaultResetOptions }, signal)));
      }
    }),
  );
  return results;
}

const writes = (exchanges: ObservedExchange[]) => exchanges.filter((exchange) => exchange.method !== 'GET' && exchange.path.startsWith('/api/v1/users/'));

describe('pacing under a tight shared limit', () => {
  it('resets 200 accounts with zero 429s, staying within its share of every window', async () => {
    const limit = 60;
    const rateShare = 0.8;
    const testOrg = await org({ users: 320, scale: 300, rateLimits: { 'api-v1': limit, 'users-get': limit } });
    const okta = new OktaDirectory(testOrg.serviceApp, testOrg.secrets, { clock: testOrg.clock, rateShare, transientBackoffMs: 100 });
    const accounts = await resettable(okta, testOrg, 200);
    const startedAt = testOrg.clock.now();

    const results = await runAll(okta, accounts);

    const steps = results.flatMap((result) => result.steps);
    expect(steps).toHaveLength(400);
    expect(steps.filter((step) => step.status !== 'done')).toEqual([]);
    expect(testOrg.standin.rateLimiter.throttledTotal()).toBe(0);

    const resetWrites = writes(since(testOrg));
    expect(resetWrites).toHaveLength(400);
    const windows = new Set(resetWrites.map((exchange) => exchange.headers['X-Rate-Limit-Reset']));
    // The limit was tight: the run needed many windows, so bursting would have drawn 429s.
    expect(windows.size).toBeGreaterThanOrEqual(Math.ceil(400 / limit));
    // And Rekey left the reserve for other apps in every window.
    const reserve = Math.ceil(limit * (1 - rateShare));
    expect(Math.min(...resetWrites.map((exchange) => Number(exchange.headers['X-Rate-Limit-Remaining'])))).toBeGreaterThanOrEqual(reserve);

    const states = await okta.readState(accounts);
    expect(states.every((state) => state.mustChange === 'yes')).toBe(true);
    expect(testOrg.standin.rateLimiter.throttledTotal()).toBe(0);
    expect(okta.pacing.ratePerSecond).toBeCloseTo((limit * rateShare) / 60, 6);

    const minutes = (testOrg.clock.now() - startedAt) / 60_000;
    console.log(`okta pacing: 200 accounts, 400 writes + 200 reads at limit ${limit}/min, share ${rateShare}: ${windows.size} write windows, ${minutes.toFixed(1)} Okta-minutes, 0 x 429, lowest remaining ${Math.min(...resetWrites.map((exchange) => Number(exchange.headers['X-Rate-Limit-Remaining'])))}`);
  });

  it('waits out another app\'s burst: nothing lost, every 429 visible in the evidence', async () => {
    const testOrg = await org({ users: 120, scale: 200, rateLimits: { 'api-v1': 100 } });
    const okta = new OktaDirectory(testOrg.serviceApp, testOrg.secrets, { clock: testOrg.clock, rateShare: 0.9, transientBackoffMs: 100 });
    const accounts = await resettable(okta, testOrg, 60);
    // Another app in the org empties the shared bucket in the middle of the run.
    testOrg.standin.faults.add({ path: /^\/api\/v1\/users\/[^/]+\/(lifecycle|sessions)/, skip: 30, times: 1, action: { kind: 'burst', count: 'all' } });

    const results = await runAll(okta, accounts);

    const steps = results.flatMap((result) => result.steps);
    expect(steps.filter((step) => step.status !== 'done')).toEqual([]);
    const throttled = testOrg.standin.rateLimiter.throttled.get(testOrg.app.clientId) ?? 0;
    expect(throttled).toBeGreaterThanOrEqual(1);
    const evidence429 = steps.flatMap((step) => step.evidence).filter((entry) => entry.kind === 'http' && entry.status === 429);
    expect(evidence429).toHaveLength(throttled);
    expect(okta.session.pacer.snapshot().reduce((sum, bucket) => sum + bucket.throttled, 0)).toBe(throttled);
    // The SDK's own retrying executor is out of the loop: it would add X-Okta-Retry-Count.
    expect(since(testOrg).filter((exchange) => exchange.retryCount !== undefined)).toEqual([]);
    expect(accounts.every((account) => testOrg.seeded.state.users.get(account.id)!.status === 'PASSWORD_EXPIRED')).toBe(true);
  });

  it('honours X-Rate-Limit-Reset on a 429: the retry goes out only after the reset', async () => {
    const testOrg = await org({ users: 30, scale: 100 });
    const okta = new OktaDirectory(testOrg.apiToken, testOrg.secrets, { clock: testOrg.clock });
    const [account] = await resettable(okta, testOrg, 1);
    testOrg.standin.faults.add({ method: 'POST', path: /expire_password$/, times: 1, action: { kind: 'rate-limit', resetInSeconds: 20 } });

    const [result] = await okta.reset({ items: [{ account: account!, steps: ['force-change'] }], options: defaultResetOptions }, new AbortController().signal);

    expect(result!.steps[0]!.status).toBe('done');
    const [first, second] = since(testOrg).filter((exchange) => exchange.path.endsWith('expire_password'));
    expect(first!.status).toBe(429);
    expect(JSON.parse(first!.body)).toMatchObject({ errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' });
    expect(second!.status).toBe(200);
    expect(Date.parse(second!.headers.Date!) / 1000).toBeGreaterThanOrEqual(Number(first!.headers['X-Rate-Limit-Reset']));
    expect(result!.steps[0]!.evidence.map((entry) => entry.kind === 'http' && entry.status)).toEqual([429, 200]);
  });
});

describe('transient trouble is retried, and shows in the evidence', () => {
  it.each([
    ['a 503', { kind: 'status', status: 503 } as const, 503],
    ['a 500', { kind: 'status', status: 500 } as const, 500],
    ['a connection reset', { kind: 'connection-reset' } as const, 0],
    ['a read that never answers', { kind: 'read-timeout' } as const, 0],
  ])('%s on expire_password', async (_label, action, firstStatus) => {
    const testOrg = await org({ users: 30, scale: 100 });
    const okta = new OktaDirectory(testOrg.serviceApp, testOrg.secrets, { clock: testOrg.clock, requestTimeoutMs: 400, transientBackoffMs: 100 });
    const [account] = await resettable(okta, testOrg, 1);
    testOrg.standin.faults.add({ method: 'POST', path: /expire_password$/, times: 1, action });

    const [result] = await okta.reset({ items: [{ account: account!, steps: ['force-change'] }], options: defaultResetOptions }, new AbortController().signal);

    expect(result!.steps[0]!.status).toBe('done');
    const statuses = result!.steps[0]!.evidence.map((entry) => (entry.kind === 'http' ? entry.status : -1));
    expect(statuses).toEqual([firstStatus, 200]);
  });

  it('gives up after the retries, marking the step retryable for the engine', async () => {
    const testOrg = await org({ users: 30, scale: 100 });
    const okta = new OktaDirectory(testOrg.apiToken, testOrg.secrets, { clock: testOrg.clock, transientRetries: 1, transientBackoffMs: 100 });
    const [account] = await resettable(okta, testOrg, 1);
    testOrg.standin.faults.add({ method: 'POST', path: /expire_password$/, times: 5, action: { kind: 'status', status: 503 } });
    const [result] = await okta.reset({ items: [{ account: account!, steps: ['force-change'] }], options: defaultResetOptions }, new AbortController().signal);
    expect(result!.steps[0]).toMatchObject({ status: 'failed', retryable: true, message: expect.stringContaining('Okta answered 503') });
    expect(result!.steps[0]!.evidence).toHaveLength(2);
  });

  it('an access token that expires early is replaced by the SDK and the call goes through', async () => {
    const testOrg = await org({ users: 30, scale: 100 });
    const okta = new OktaDirectory(testOrg.serviceApp, testOrg.secrets, { clock: testOrg.clock });
    const [account] = await resettable(okta, testOrg, 1);
    testOrg.standin.faults.add({ method: 'POST', path: /expire_password$/, times: 1, action: { kind: 'expire-tokens' } });
    const [result] = await okta.reset({ items: [{ account: account!, steps: ['force-change'] }], options: defaultResetOptions }, new AbortController().signal);
    expect(result!.steps[0]!.status).toBe('done');
    expect(result!.steps[0]!.evidence.map((entry) => entry.kind === 'http' && entry.status)).toEqual([401, 200]);
    expect(since(testOrg).filter((exchange) => exchange.path === '/oauth2/v1/token' && exchange.status === 200)).toHaveLength(1);
  });

  it('stops at once when the run is cancelled', async () => {
    const testOrg = await org({ users: 30, scale: 100 });
    const okta = new OktaDirectory(testOrg.apiToken, testOrg.secrets, { clock: testOrg.clock, rateShare: 0.5 });
    const accounts = await resettable(okta, testOrg, 6);
    testOrg.standin.rateLimiter.setLimit('api-v1', 4); // two writes a minute for Rekey: the run cannot finish before the cancel
    const controller = new AbortController();
    const running = okta.reset({ items: accounts.map((account) => ({ account, steps: ['force-change', 'end-sessions'] })), options: defaultResetOptions }, controller.signal);
    await testOrg.clock.sleep(5_000);
    controller.abort();
    const results = await running;
    const statuses = results.flatMap((result) => result.steps.map((step) => step.status));
    expect(statuses).toContain('cancelled');
    expect(statuses.filter((status) => status === 'failed')).toEqual([]);
  });
});
