// Entra ID fault matrix: the whole flow (plan, approvals, engine, journal on
// disk, verify) against the Graph stand-in through the real EntraConnection,
// with one kind of trouble per case. Each case must end with every account in
// exactly one final state that matches what the stand-in really holds, the
// journal chain intact, and no account reported twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Evidence } from '../../main/core/domain';
import type { RetryPolicy } from '../../main/core/retry';
import type { FaultRule } from '../../main/practice/graph/faults';
import { auditRun, trackEffects, type RunAudit } from './harness/audit';
import { entraEffects, plainEntraUsers, startEntraPractice, type EntraPractice } from './harness/entra';
import { fileFlow, planAndRun, selectionOf, type RecordedRun } from './harness/flow';

/** Retries in service time are compressed like the stand-in's (1 service second = 1 ms). */
const retry: RetryPolicy = { maxAttempts: 5, baseDelayMs: 20, maxDelayMs: 200 };

let practice: EntraPractice;
let pool: Account[];

beforeAll(async () => {
  practice = await startEntraPractice({ users: 600, timeScale: 0.001, requestTimeoutMs: 1500, maxAttempts: 6 });
  pool = plainEntraUsers(practice.accounts);
});
afterAll(async () => {
  await practice?.close();
});

/** Accounts no other case touches. */
function take(count: number): Account[] {
  const chosen = pool.splice(0, count);
  if (chosen.length < count) throw new Error('the practice tenant ran out of plain users');
  return chosen;
}

interface CaseResult {
  run: RecordedRun;
  audit: RunAudit;
  /** How many times the injected faults fired. */
  fired: number;
}

async function runWith(faults: FaultRule[], accounts: Account[], options: { failedMeansUnchanged?: boolean } = {}): Promise<CaseResult> {
  practice.standIn.faults.clear();
  for (const fault of faults) practice.standIn.faults.add(fault);
  const effects = trackEffects(accounts, entraEffects(practice.standIn, Date.now() - 1));
  const flow = await fileFlow({ directories: [practice.directory], retry });
  try {
    const run = await planAndRun(flow.flow, selectionOf(accounts));
    const fired = practice.standIn.faults.firedCount();
    const audit = await auditRun({ journals: flow.journals, runId: run.runId, effects, events: run.events, failedMeansUnchanged: options.failedMeansUnchanged ?? true });
    return { run, audit, fired };
  } finally {
    practice.standIn.faults.clear();
    await flow.dispose();
  }
}

function httpStatuses(audit: RunAudit, key: string): number[] {
  const state = audit.run.accounts.get(key);
  const evidence: Evidence[] = [...(state?.retries ?? []), ...(state?.steps.values() ?? [])].flatMap((s) => s.evidence);
  return evidence.flatMap((e) => (e.kind === 'http' ? [e.status] : []));
}

function expectAllVerified(audit: RunAudit, count: number): void {
  expect(audit.problems).toEqual([]);
  expect(audit.lost).toBe(0);
  expect(audit.counts).toEqual({ verified: count });
}

describe('Entra ID: transient trouble is retried and every account ends verified', () => {
  it('429 with Retry-After on $batch items', async () => {
    const accounts = take(30);
    const { audit, fired } = await runWith([{ kind: 'throttle', method: 'PATCH', scope: 'batch-item', retryAfterSeconds: 3, times: 12 }], accounts);
    expect(fired).toBe(12);
    expectAllVerified(audit, 30);
    const throttled = accounts.filter((a) => httpStatuses(audit, `${a.directoryId}|${a.id}`).includes(429));
    expect(throttled.length).toBeGreaterThan(0);
  });

  it('429 without Retry-After (exponential backoff instead)', async () => {
    const accounts = take(30);
    const { audit, fired } = await runWith([{ kind: 'throttle-without-retry-after', method: 'POST', scope: 'batch-item', times: 10 }], accounts);
    expect(fired).toBe(10);
    expectAllVerified(audit, 30);
    expect(accounts.some((a) => httpStatuses(audit, `${a.directoryId}|${a.id}`).includes(429))).toBe(true);
  });

  it('503 for the whole $batch', async () => {
    const accounts = take(30);
    const { audit, fired } = await runWith([{ kind: 'unavailable', path: '/$batch', scope: 'top-level', retryAfterSeconds: 2, times: 2 }], accounts);
    expect(fired).toBe(2);
    expectAllVerified(audit, 30);
  });

  it('500 on some $batch items, retried by the run', async () => {
    const accounts = take(30);
    const { audit, fired } = await runWith([{ kind: 'server-error', method: 'PATCH', scope: 'batch-item', times: 4 }], accounts);
    expect(fired).toBe(4);
    expectAllVerified(audit, 30);
    const retried = [...audit.run.accounts.values()].filter((s) => s.retries.some((r) => r.evidence.some((e) => e.kind === 'http' && e.status === 500)));
    expect(retried.length).toBe(4);
  });

  it('connection reset while a $batch is in flight', async () => {
    const accounts = take(30);
    const { audit, fired } = await runWith([{ kind: 'connection-reset', path: '/$batch', scope: 'top-level', skip: 1, times: 2 }], accounts);
    expect(fired).toBe(2);
    expectAllVerified(audit, 30);
  });

  it('read timeout: the stand-in never answers one $batch', async () => {
    const accounts = take(30);
    const { audit, fired } = await runWith([{ kind: 'read-timeout', path: '/$batch', scope: 'top-level', skip: 2, times: 1 }], accounts);
    expect(fired).toBe(1);
    expectAllVerified(audit, 30);
  });

  it('the access token expires mid-run and is refreshed silently', async () => {
    const accounts = take(40);
    const { audit, fired } = await runWith([{ kind: 'token-expired', path: '/$batch', scope: 'top-level', skip: 2, times: 1 }], accounts);
    expect(fired).toBe(1);
    expect(practice.standIn.requests.some((r) => r.path === '/$batch' && r.status === 401)).toBe(true);
    expectAllVerified(audit, 40);
  });
});

describe('Entra ID: trouble that does not pass ends in a clear final state, matching the stand-in', () => {
  it('$batch with some items failing for good: a deleted user, a user Graph always refuses, others throttled', async () => {
    const accounts = take(30);
    const [deleted, refused, throttled] = accounts as [Account, Account, Account];
    const plan = async () => {
      practice.standIn.state.users.delete(deleted.id);
    };
    const { audit } = await runWithSetup(plan, [
      { kind: 'server-error', method: 'PATCH', userId: refused.id, scope: 'batch-item', times: Infinity },
      { kind: 'throttle', method: 'POST', userId: throttled.id, scope: 'batch-item', retryAfterSeconds: 1, times: 2 },
    ], accounts);
    expect(audit.problems).toEqual([]);
    expect(audit.lost).toBe(0);
    expect(audit.counts).toEqual({ verified: 28, failed: 2 });
    const key = (a: Account) => `${a.directoryId}|${a.id}`;
    expect(audit.finalStates.get(key(deleted))).toBe('failed');
    expect(audit.run.accounts.get(key(deleted))?.steps.get('force-change')?.message).toMatch(/no longer exists in Entra ID/);
    expect(audit.finalStates.get(key(refused))).toBe('failed');
    expect(audit.run.accounts.get(key(refused))?.steps.get('force-change')).toMatchObject({ status: 'failed', retryable: true });
    expect(audit.run.accounts.get(key(refused))?.steps.get('end-sessions')?.status).toBe('done');
    expect(audit.finalStates.get(key(throttled))).toBe('verified');
  });
});

/** runWith, with a change to the tenant made after listing and before the run (a user deleted meanwhile). */
async function runWithSetup(setup: () => Promise<void>, faults: FaultRule[], accounts: Account[]): Promise<CaseResult> {
  await setup();
  return runWith(faults, accounts);
}
