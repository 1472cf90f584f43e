// Sending many Graph requests through JSON batching ($batch, at most 20 per
// batch) and retrying the items that come back throttled or unavailable.
//
// The batch itself answers 200 even when items fail; each item has its own
// status, and a throttled item carries its own Retry-After. Neither the SDK
// nor the service retries items, so this module does: after a round, the
// items that asked to be retried are sent again, together, once the longest
// Retry-After among them has passed. Writes spend the shared write budget
// before each batch goes out.
//
// The batch body is built here rather than with the SDK's BatchRequestContent:
// that class only accepts dependsOn chains that are fully parallel, fully
// serial or "all on one request", and it needs fetch Request objects for
// plain JSON. Rekey's batches are plain parallel requests (see directory.ts
// for why ordering is done with two rounds instead of dependsOn).
import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/ports';
import { graphError, GraphHttpError, type GraphApi } from './graph';
import { retryableStatuses, retryDelayMs, type RetryTiming, type WriteBudget } from './throttle';

export const maxBatchSize = 20;

export interface BatchRequest {
  /** The caller's key for this request (unique within one call). */
  key: string;
  method: 'GET' | 'PATCH' | 'POST';
  /** Relative to the version: "/users/{id}". */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Counts against the identity write budget. */
  write: boolean;
}

/** One try of one request: what Graph answered. No secret in here. */
export interface BatchAttempt {
  status: number;
  requestId?: string;
  clientRequestId: string;
  errorCode?: string;
  errorMessage?: string;
  retryAfterMs?: number;
  at: string;
}

export interface BatchOutcome {
  request: BatchRequest;
  /** Final status (0 when no answer came). */
  status: number;
  body: unknown;
  attempts: BatchAttempt[];
  /** Still throttled / unavailable when the attempts ran out. */
  exhausted: boolean;
  /** The run was cancelled before this request was sent (again). */
  cancelled: boolean;
}

export interface BatchDeps {
  graph: GraphApi;
  clock: Clock;
  timing: RetryTiming;
  budget?: WriteBudget;
  signal?: AbortSignal;
}

interface Pending {
  request: BatchRequest;
  attempts: BatchAttempt[];
}

interface BatchItemResponse {
  id?: unknown;
  status?: unknown;
  headers?: Record<string, unknown>;
  body?: unknown;
}

export async function runBatched(requests: BatchRequest[], deps: BatchDeps): Promise<Map<string, BatchOutcome>> {
  const outcomes = new Map<string, BatchOutcome>();
  const finish = (p: Pending, status: number, body: unknown, flags: { exhausted?: boolean; cancelled?: boolean } = {}): void => {
    outcomes.set(p.request.key, { request: p.request, status, body, attempts: p.attempts, exhausted: flags.exhausted ?? false, cancelled: flags.cancelled ?? false });
  };
  const cancelAll = (items: Pending[]): void => {
    for (const p of items) finish(p, p.attempts.at(-1)?.status ?? 0, undefined, { cancelled: true });
  };

  let pending: Pending[] = requests.map((request) => ({ request, attempts: [] }));
  while (pending.length > 0) {
    const again: Array<{ item: Pending; delayMs: number }> = [];
    for (let start = 0; start < pending.length; start += maxBatchSize) {
      const chunk = pending.slice(start, start + maxBatchSize);
      if (deps.signal?.aborted) {
        cancelAll(chunk);
        continue;
      }
      const writes = chunk.filter((p) => p.request.write).length;
      try {
        if (writes > 0 && deps.budget) await deps.budget.take(writes, deps.signal);
      } catch {
        cancelAll(chunk);
        continue;
      }
      await sendChunk(chunk, deps, finish, again);
    }
    if (again.length === 0) break;
    const wait = Math.max(...again.map((a) => a.delayMs));
    try {
      await deps.clock.sleep(wait, deps.signal);
    } catch {
      cancelAll(again.map((a) => a.item));
      break;
    }
    pending = again.map((a) => a.item);
  }
  return outcomes;
}

async function sendChunk(
  chunk: Pending[],
  deps: BatchDeps,
  finish: (p: Pending, status: number, body: unknown, flags?: { exhausted?: boolean; cancelled?: boolean }) => void,
  again: Array<{ item: Pending; delayMs: number }>,
): Promise<void> {
  const ids = new Map<string, { item: Pending; clientRequestId: string }>();
  const body = {
    requests: chunk.map((item, index) => {
      const id = String(index + 1);
      const clientRequestId = randomUUID();
      ids.set(id, { item, clientRequestId });
      const headers: Record<string, string> = { ...(item.request.headers ?? {}), 'client-request-id': clientRequestId };
      if (item.request.body !== undefined) headers['Content-Type'] = 'application/json';
      return { id, method: item.request.method, url: item.request.url, headers, ...(item.request.body !== undefined ? { body: item.request.body } : {}) };
    }),
  };
  const writes = chunk.some((p) => p.request.write);
  let responses: BatchItemResponse[];
  let batchRequestId: string | undefined;
  try {
    const reply = await deps.graph.request<{ responses?: BatchItemResponse[] }>('POST', '/$batch', {
      body,
      signal: deps.signal,
      abortInFlight: !writes,
    });
    responses = reply.body.responses ?? [];
    batchRequestId = reply.requestId;
  } catch (error) {
    // The batch as a whole failed (after its own retries), or the run was
    // cancelled while a read was in flight: every item shares that answer.
    const failure = error instanceof GraphHttpError ? error : undefined;
    const cancelled = !failure && deps.signal?.aborted === true;
    const at = new Date(deps.clock.now()).toISOString();
    for (const { item, clientRequestId } of ids.values()) {
      item.attempts.push({
        status: failure?.status ?? 0,
        requestId: failure?.requestId,
        clientRequestId,
        errorCode: failure?.code ?? (error instanceof Error ? error.name : 'Error'),
        errorMessage: failure?.graphMessage ?? (error instanceof Error ? error.message : String(error)),
        retryAfterMs: failure?.retryAfterMs,
        at,
      });
      const transient = failure ? retryableStatuses.has(failure.status) || failure.status === 0 : false;
      finish(item, failure?.status ?? 0, undefined, { exhausted: transient, cancelled });
    }
    return;
  }

  const at = new Date(deps.clock.now()).toISOString();
  for (const [id, { item, clientRequestId }] of ids) {
    const response = responses.find((r) => String(r.id) === id);
    const status = typeof response?.status === 'number' ? response.status : 0;
    const headers = lowerCase(response?.headers);
    const error = status >= 400 ? graphError(response?.body, status) : undefined;
    const attemptNumber = item.attempts.length + 1;
    const retryAfter = headers['retry-after'];
    const delayMs = retryableStatuses.has(status) ? retryDelayMs(retryAfter, attemptNumber, deps.timing, deps.clock.now()) : undefined;
    item.attempts.push({
      status,
      requestId: headers['request-id'] ?? error?.requestId ?? batchRequestId,
      clientRequestId: headers['client-request-id'] ?? error?.clientRequestId ?? clientRequestId,
      errorCode: error?.code ?? (response ? undefined : 'MissingBatchResponse'),
      errorMessage: error?.message,
      retryAfterMs: delayMs,
      at,
    });
    if (delayMs !== undefined && attemptNumber < deps.timing.maxAttempts) {
      again.push({ item, delayMs });
      continue;
    }
    finish(item, status, response?.body, { exhausted: delayMs !== undefined });
  }
}

function lowerCase(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined && v !== null) out[k.toLowerCase()] = String(v);
  return out;
}
