// The context of one Okta operation as it travels through the SDK: the
// caller's cancel signal, and where to put the evidence of every HTTP exchange
// the SDK makes for it. The SDK offers no per-call hook, so the context rides
// on AsyncLocalStorage from our call wrapper down to our request executor.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Evidence } from '../core/domain';

export type HttpEvidence = Extract<Evidence, { kind: 'http' }>;

/** What an OAuth error response from /oauth2/v1/token said (the SDK drops the body). */
export interface OAuthErrorDetail {
  error: string;
  description?: string;
  status: number;
  dpopNonce?: string;
}

export interface CallContext {
  signal?: AbortSignal;
  evidence: HttpEvidence[];
  /** Set when a token request in this call failed. */
  oauthError?: OAuthErrorDetail;
}

const storage = new AsyncLocalStorage<CallContext>();

export function runInCallContext<T>(context: CallContext, work: () => Promise<T>): Promise<T> {
  return storage.run(context, work);
}

export function currentCallContext(): CallContext | undefined {
  return storage.getStore();
}
