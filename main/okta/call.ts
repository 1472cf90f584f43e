// Running one Okta operation through the SDK, whole: evidence of every
// exchange, and the retry policy.
//   - 429: the pacer has learned the reset from the answer, so the next attempt
//     simply waits in the pacer until the window resets; retried up to
//     max429Retries times. Nothing is lost, and each 429 stays in the evidence.
//   - transient (5xx, timeout, connection reset): retried with backoff when the
//     operation is idempotent. Expire-password and clear-sessions are (doing
//     them twice ends in the same state), and so are all reads.
//   - anything else: returned as a failure with an admin sentence.
// Each attempt re-enters the SDK, so a DPoP-bound request gets a fresh proof.
import type { Clock } from '../core/ports';
import { runInCallContext, type CallContext, type HttpEvidence } from './context';
import { describeFailure, type OktaFailure } from './errors';

export interface CallPolicy {
  clock: Clock;
  authMode: 'api-token' | 'private-key';
  max429Retries: number;
  transientRetries: number;
  /** First backoff for transient failures, doubled each time (clock ms). */
  transientBackoffMs: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  idempotent: boolean;
  /** For messages: "expire the password of ana@example.com". */
  action: string;
  account?: string;
}

export type CallOutcome<T> =
  | { ok: true; value: T; evidence: HttpEvidence[]; attempts: number }
  | { ok: false; failure: OktaFailure; evidence: HttpEvidence[]; attempts: number };

/** A failed operation as an Error, for code paths that throw (listing). */
export class OktaOperationError extends Error {
  constructor(
    readonly failure: OktaFailure,
    readonly evidence: HttpEvidence[],
  ) {
    super(failure.message);
    this.name = 'OktaOperationError';
  }
}

export async function callOkta<T>(policy: CallPolicy, options: CallOptions, work: () => Promise<T>): Promise<CallOutcome<T>> {
  const evidence: HttpEvidence[] = [];
  let rateLimited = 0;
  let transient = 0;
  let attempts = 0;
  for (;;) {
    attempts++;
    const context: CallContext = { signal: options.signal, evidence };
    try {
      const value = await runInCallContext(context, work);
      return { ok: true, value, evidence, attempts };
    } catch (error) {
      const failure: OktaFailure = options.signal?.aborted
        ? { kind: 'cancelled', retryable: false, message: 'Cancelled before Okta answered.' }
        : describeFailure(error, { action: options.action, account: options.account, authMode: policy.authMode, clock: policy.clock });
      if (failure.kind === 'rate-limited' && rateLimited < policy.max429Retries) {
        rateLimited++;
        continue;
      }
      if (failure.kind === 'transient' && options.idempotent && transient < policy.transientRetries) {
        const backoff = policy.transientBackoffMs * 2 ** transient;
        transient++;
        try {
          await policy.clock.sleep(backoff, options.signal);
        } catch {
          return { ok: false, failure: { kind: 'cancelled', retryable: false, message: 'Cancelled before Okta answered.' }, evidence, attempts };
        }
        continue;
      }
      return { ok: false, failure, evidence, attempts };
    }
  }
}

/** Like callOkta, but throws OktaOperationError on failure. */
export async function callOktaOrThrow<T>(policy: CallPolicy, options: CallOptions, work: () => Promise<T>): Promise<T> {
  const outcome = await callOkta(policy, options, work);
  if (!outcome.ok) throw new OktaOperationError(outcome.failure, outcome.evidence);
  return outcome.value;
}
