// Okta fault matrix: the whole flow against the Okta stand-in through the real
// OktaDirectory (Okta SDK, service app with DPoP-bound tokens), one kind of
// trouble per case. Okta's clock runs 60 times faster here, so a one-minute
// rate window passes in a second. Each case ends with every account in
// exactly one final state matching the stand-in, the journal chain intact and
// no account reported twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../main/core/domain';
import type { RetryPolicy } from '../../main/core/retry';
import type { FaultRule } from '../../main/practice/okta/faults';
import { auditRun, trackEffects, type RunAudit } from './harness/audit';
import { scaledClock } from './harness/clock';
import { fileFlow, planAndRun, selectionOf, type RecordedRun } from './harness/flow';
import { oktaEffects, resettableOktaUsers, signedInBeforeIncident, startOktaPractice, type OktaPractice } from './harness/okta';

const clock = scaledClock(60);
/** In Okta clock time (60 x real time). */
const retry: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 30_000 };

let practice: OktaPractice;
let pool: Account[];

beforeAll(async () => {
  practice = await startOktaPractice({ users: 700, clock, directory: { requestTimeoutMs: 1000, transientBackoffMs: 1000 } });
  pool = await resettableOktaUsers(practice.directory);
});
afterAll(async () => {
  await practice?.close();
});

function take(count: number): Account[] {
  const chosen = pool.splice(0, count);
  if (chosen.length < count) throw new Error('the practice org ran out of resettable users');
  return chosen;
}

interface CaseResult {
  run: RecordedRun;
  audit: RunAudit;
  /** 429 answers the stand-in sent during the run. */
  throttled: number;
  /** Injected fault uses left over (0: every one fired). */
  unfired: number;
}

async function runWith(faults: FaultRule[], accounts: Account[]): Promise<CaseResult> {
  practice.standIn.faults.clear();
  for (const fault of faults) practice.standIn.faults.add(fault);
  signedInBeforeIncident(practice.standIn, accounts);
  const effects = trackEffects(accounts, oktaEffects(practice.standIn));
  const throttledBefore = practice.exchanges.filter((e) => e.status === 429).length;
  const flow = await fileFlow({ directories: [practice.directory], clock, retry });
  try {
    const run = await planAndRun(flow.flow, selectionOf(accounts));
    const unfired = practice.standIn.faults.pending();
    const audit = await auditRun({ journals: flow.journals, runId: run.runId, effects, events: run.events, failedMeansUnchanged: true });
    return { run, audit, throttled: practice.exchanges.filter((e) => e.status === 429).length - throttledBefore, unfired };
  } finally {
    practice.standIn.faults.clear();
    await flow.dispose();
  }
}

function expectAllVerified(result: CaseResult, count: number): void {
  expect(result.audit.problems).toEqual([]);
  expect(result.audit.lost).toBe(0);
  expect(result.audit.counts).toEqual({ verified: count });
  expect(result.unfired).toBe(0);
}

const expire = /\/lifecycle\/expire_password$/;
const sessions = /\/sessions$/;

describe('Okta: transient trouble is retried and every account ends verified', () => {
  it('429 with X-Rate-Limit-Reset (Okta says when the window opens again)', async () => {
    const result = await runWith([{ method: 'POST', path: expire, skip: 3, times: 3, action: { kind: 'rate-limit', resetInSeconds: 5 } }], take(20));
    expectAllVerified(result, 20);
    expect(result.throttled).toBe(3);
  });

  it('429 without any rate-limit header (a gateway in front of the org)', async () => {
    const result = await runWith([{ method: 'DELETE', path: sessions, skip: 2, times: 2, action: { kind: 'rate-limit', bare: true } }], take(20));
    expectAllVerified(result, 20);
    expect(result.throttled).toBe(2);
  });

  it('503 Service Unavailable', async () => {
    expectAllVerified(await runWith([{ method: 'POST', path: expire, skip: 1, times: 3, action: { kind: 'status', status: 503 } }], take(20)), 20);
  });

  it('500 Internal Server Error', async () => {
    expectAllVerified(await runWith([{ method: 'DELETE', path: sessions, skip: 4, times: 2, action: { kind: 'status', status: 500 } }], take(20)), 20);
  });

  it('connection reset', async () => {
    expectAllVerified(await runWith([{ method: 'POST', path: expire, skip: 2, times: 2, action: { kind: 'connection-reset' } }], take(20)), 20);
  });

  it('read timeout: the org never answers one request', async () => {
    expectAllVerified(await runWith([{ method: 'DELETE', path: sessions, skip: 3, times: 1, action: { kind: 'read-timeout' } }], take(20)), 20);
  });

  it('the access token expires mid-run and a new one is fetched', async () => {
    const result = await runWith([{ path: /^\/api\/v1\/users\//, skip: 8, times: 1, action: { kind: 'expire-tokens' } }], take(20));
    expectAllVerified(result, 20);
    expect(practice.exchanges.some((e) => e.status === 401 && e.path.startsWith('/api/v1/users/'))).toBe(true);
  });

  it('another app in the org spends the whole rate budget mid-run (a 429 burst)', async () => {
    const result = await runWith([{ method: 'POST', path: expire, skip: 5, times: 1, action: { kind: 'burst', count: 'all', bucket: 'api-v1' } }], take(30));
    expectAllVerified(result, 30);
    // Rekey notices from the headers and waits for the next window: at most the requests already in flight bounce.
    expect(result.throttled).toBeLessThanOrEqual(8);
  });
});
