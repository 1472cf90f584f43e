// When and how long to wait before trying a step again. Transient failures
// are what the directory says they are (StepResult.retryable), or, when it
// does not say, the classic signs: HTTP 429/502/503/504 or a timed-out script.
import type { StepResult } from './domain';

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

const transientStatuses = new Set([429, 502, 503, 504]);

export function isTransientFailure(result: StepResult): boolean {
  if (result.status !== 'failed') return false;
  if (result.retryable !== undefined) return result.retryable;
  return result.evidence.some(
    (e) => (e.kind === 'http' && transientStatuses.has(e.status)) || (e.kind === 'powershell' && e.exitStatus === 'timeout'),
  );
}

/**
 * Exponential backoff with "equal jitter" (half fixed, half random) so
 * parallel workers do not retry in lockstep. A directory's Retry-After is a
 * floor: we never come back earlier than asked, plus a little jitter.
 */
export function backoffDelay(failedAttempt: number, retryAfterMs: number | undefined, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  if (retryAfterMs === undefined || retryAfterMs <= 0) return Math.round(jittered);
  const floor = retryAfterMs + random() * Math.min(1000, retryAfterMs * 0.1);
  return Math.round(Math.max(jittered, floor));
}
