// runBatched and GraphApi against the stand-in, through the real Graph SDK:
// chunks of 20, per-item Retry-After, backoff without it, giving up, and
// whole-batch failures (reset connection, no answer, expired token, 5xx).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../../main/core/ports';
import type { TokenSource } from '../../../main/entra/auth';
import { runBatched, type BatchRequest } from '../../../main/entra/batch';
import { GraphApi, GraphHttpError } from '../../../main/entra/graph';
import { defaultRetryTiming, type RetryTiming } from '../../../main/entra/throttle';
import { createFetch } from '../../../main/entra/transport';
import { practiceTenant } from '../../../main/practice/graph/seed';
import type { GraphStandIn } from '../../../main/practice/graph/server';
import { startPracticeStandIn, testTimeScale } from './support';

let standIn: GraphStandIn;
let userIds: string[];

beforeAll(async () => {
  standIn = await startPracticeStandIn();
  userIds = [...standIn.state.users.values()].filter((u) => u.userType === 'Member' && u.onPremisesSyncEnabled !== true).map((u) => u.id);
});
afterAll(async () => {
  await standIn?.close();
});
beforeEach(() => standIn.faults.clear());

/** Issues a fresh token after a refusal, like MSAL's forced refresh. */
function tokens(): TokenSource & { rejected: string[] } {
  const issue = (): string => standIn.authority.issueUserToken(`meganb@${standIn.tenantDomain}`, practiceTenant.delegatedClientId);
  let current = issue();
  const rejected: string[] = [];
  return {
    mode: 'delegated',
    rejected,
    getAccessToken: async () => current,
    reject: (token) => {
      rejected.push(token);
      if (token === current) current = issue();
    },
  };
}

function recordingClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  return { slept, now: () => Date.now(), sleep: (ms, signal) => (slept.push(ms), systemClock.sleep(ms, signal)) };
}

function api(options: { timing?: Partial<RetryTiming>; requestTimeoutMs?: number; clock?: Clock; tokens?: TokenSource } = {}): { graph: GraphApi; clock: Clock; timing: RetryTiming } {
  const timing = { ...defaultRetryTiming, retryDelayScale: testTimeScale, ...options.timing };
  const clock = options.clock ?? systemClock;
  const graph = new GraphApi({
    baseUrl: standIn.graphBaseUrl,
    tokens: options.tokens ?? tokens(),
    fetchLike: createFetch({ origin: standIn.origin, certificatePem: standIn.certificatePem }),
    clock,
    timing,
    requestTimeoutMs: options.requestTimeoutMs ?? 5000,
  });
  return { graph, clock, timing };
}

const reads = (count: number): BatchRequest[] =>
  userIds.slice(0, count).map((id) => ({ key: id, method: 'GET', url: `/users/${id}?$select=id,displayName`, write: false }));

describe('runBatched', () => {
  it('sends at most 20 requests per $batch and returns one outcome per request', async () => {
    const before = standIn.requests.length;
    const outcomes = await runBatched(reads(45), api());
    const batches = standIn.requests.slice(before).filter((r) => r.path === '/$batch');
    expect(batches.map((b) => b.batchSize)).toEqual([20, 20, 5]);
    expect(outcomes.size).toBe(45);
    for (const id of userIds.slice(0, 45)) expect(outcomes.get(id)).toMatchObject({ status: 200, body: { id }, exhausted: false, cancelled: false });
  });

  it("retries a throttled item after its own Retry-After (integer seconds from the service, scaled here)", async () => {
    const clock = recordingClock();
    const [first] = userIds;
    standIn.faults.add({ kind: 'throttle', userId: first, retryAfterSeconds: 4, scope: 'batch-item' });
    const outcomes = await runBatched(reads(3), api({ clock }));
    expect(outcomes.get(first as string)?.attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(outcomes.get(first as string)?.attempts[0]?.retryAfterMs).toBe(4);
    expect(clock.slept).toEqual([4]);
  });

  it('backs off exponentially when a 429 has no Retry-After, and gives up after maxAttempts', async () => {
    const clock = recordingClock();
    const [first] = userIds;
    standIn.faults.add({ kind: 'throttle-without-retry-after', userId: first, times: Infinity, scope: 'batch-item' });
    const outcomes = await runBatched(reads(2), api({ clock, timing: { maxAttempts: 4, baseDelayMs: 1000 } }));
    const outcome = outcomes.get(first as string);
    expect(outcome?.attempts.map((a) => a.status)).toEqual([429, 429, 429, 429]);
    expect(outcome?.exhausted).toBe(true);
    expect(clock.slept).toEqual([1, 2, 4]);
    expect(outcomes.get(userIds[1] as string)?.status).toBe(200);
  });

  it('resends the whole batch after a dropped connection, no answer, or 503', async () => {
    standIn.faults.add({ kind: 'connection-reset', path: '/$batch' });
    standIn.faults.add({ kind: 'read-timeout', path: '/$batch' });
    standIn.faults.add({ kind: 'unavailable', path: '/$batch', scope: 'top-level' });
    const before = standIn.requests.length;
    const outcomes = await runBatched(reads(5), api({ requestTimeoutMs: 300 }));
    expect([...outcomes.values()].every((o) => o.status === 200 && o.attempts.length === 1)).toBe(true);
    expect(standIn.faults.firedCount()).toBe(3);
    expect(standIn.requests.slice(before).map((r) => r.status)).toEqual([503, 200]);
  });

  it('gives every item the answer of a batch that failed as a whole', async () => {
    standIn.faults.add({ kind: 'server-error', path: '/$batch', scope: 'top-level' });
    const outcomes = await runBatched(reads(3), api());
    for (const outcome of outcomes.values()) {
      expect(outcome).toMatchObject({ status: 500, exhausted: false });
      expect(outcome.attempts[0]).toMatchObject({ status: 500, errorCode: 'generalException' });
      expect(outcome.attempts[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('refreshes the token once when Graph says it expired, and carries on', async () => {
    const source = tokens();
    standIn.faults.add({ kind: 'token-expired', path: '/$batch' });
    const outcomes = await runBatched(reads(3), api({ tokens: source }));
    expect([...outcomes.values()].every((o) => o.status === 200)).toBe(true);
    expect(source.rejected).toHaveLength(1);
  });
  it('reports a Graph that answers too slowly as a network failure after its attempts, never as success', async () => {
    standIn.faults.latencyMs = 250;
    try {
      const outcomes = await runBatched(reads(2), api({ requestTimeoutMs: 100, timing: { maxAttempts: 2 } }));
      for (const outcome of outcomes.values()) {
        expect(outcome).toMatchObject({ status: 0, exhausted: true, cancelled: false });
        expect(outcome.attempts[0]?.errorCode).toBe('NetworkFailure');
      }
    } finally {
      standIn.faults.latencyMs = 0;
      // Let the slow answers the client gave up on arrive before the next test counts requests.
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
  });
});

describe('GraphApi.request', () => {
  it('honours Retry-After on a throttled top-level request and sends a new client-request-id per attempt', async () => {
    const clock = recordingClock();
    standIn.faults.add({ kind: 'throttle', path: '/users', retryAfterSeconds: 2, scope: 'top-level' });
    const before = standIn.requests.length;
    const reply = await api({ clock }).graph.request<{ value: unknown[] }>('GET', '/users?$top=5&$select=id');
    expect(reply.body.value).toHaveLength(5);
    expect(clock.slept).toEqual([2]);
    const sent = standIn.requests.slice(before);
    expect(sent.map((r) => r.status)).toEqual([429, 200]);
    expect(new Set(sent.map((r) => r.clientRequestId)).size).toBe(2);
    expect(reply.clientRequestId).toBe(sent[1]?.clientRequestId);
    expect(reply.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('throws a GraphHttpError with Graph’s code for a refusal', async () => {
    const failure = await api()
      .graph.request('GET', '/users?$select=notAProperty')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphHttpError);
    expect(failure).toMatchObject({ status: 400, code: 'BadRequest', graphMessage: "Could not find a property named 'notAProperty' on type 'microsoft.graph.user'." });
  });
});
