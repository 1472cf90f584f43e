// Rekey's request executor for the Okta SDK: the one place every HTTP request
// the SDK makes passes through. It replaces the SDK's DefaultRequestExecutor on
// purpose: that one retries 429s itself (twice, sleeping on the real clock,
// re-sending the same DPoP proof, which a DPoP-bound API rejects as a replay)
// and hides them from the caller. Here:
//   - each request first waits for the pacer (rate budget shared with the org),
//   - every response's X-Rate-Limit-* headers are fed back to the pacer,
//   - every exchange is recorded as evidence for the current call,
//   - requests time out and can be cancelled,
//   - nothing is retried: 429s and transient failures surface as errors and
//     the operation is retried whole by call.ts, with a fresh DPoP proof.
import type { Clock } from '../core/ports';
import { rateBucketFor } from './buckets';
import { currentCallContext, type CallContext } from './context';
import type { RatePacer, RateObservation } from './pacer';
import { sdk } from './sdk';

/** The parts of a node-fetch Response this module reads. */
interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  clone(): { text(): Promise<string> };
}

interface SdkRequest {
  url?: string;
  method?: string;
  signal?: AbortSignal;
  agent?: unknown;
  [key: string]: unknown;
}

/** Okta did not answer in time, or the connection failed before an answer. */
export class OktaNetworkError extends Error {
  constructor(
    readonly reason: 'timeout' | 'connection',
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'OktaNetworkError';
  }
}

export interface ExecutorOptions {
  pacer: RatePacer;
  clock: Clock;
  /** Real milliseconds to wait for an answer before giving up on a request. */
  requestTimeoutMs: number;
}

export class RekeyRequestExecutor extends sdk.RequestExecutor {
  constructor(private readonly options: ExecutorOptions) {
    super();
  }

  override async fetch(request: SdkRequest): Promise<FetchResponse> {
    const context = currentCallContext();
    const url = new URL(String(request.url));
    const method = String(request.method ?? 'GET').toUpperCase();
    const ticket = await this.options.pacer.acquire(rateBucketFor(method, url.pathname), context?.signal);

    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.options.requestTimeoutMs);
    request.signal = context?.signal ? AbortSignal.any([context.signal, timeout.signal]) : timeout.signal;
    // An HTTPS proxy from the environment must not capture loopback traffic (the practice stand-in).
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') request.agent = undefined;

    let response: FetchResponse;
    try {
      response = (await super.fetch(request)) as FetchResponse;
    } catch (error) {
      this.options.pacer.settle(ticket);
      const failure = this.networkFailure(error, timeout.signal.aborted, context, url);
      record(context, { method, url, status: 0, errorCode: failure instanceof OktaNetworkError ? (failure.code ?? failure.reason) : 'cancelled', at: this.at() });
      throw failure;
    } finally {
      clearTimeout(timer);
    }

    this.options.pacer.settle(ticket, observe(response));
    await this.recordResponse(context, method, url, response);
    return response;
  }

  private networkFailure(error: unknown, timedOut: boolean, context: CallContext | undefined, url: URL): unknown {
    if (context?.signal?.aborted) return context.signal.reason ?? error;
    const seconds = Math.round(this.options.requestTimeoutMs / 100) / 10;
    if (timedOut) return new OktaNetworkError('timeout', `Okta at ${url.host} did not answer within ${seconds} seconds.`, 'timeout');
    const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
    const detail = code === 'ECONNRESET' ? 'the connection was reset' : code === 'ECONNREFUSED' ? 'the connection was refused' : code === 'ENOTFOUND' ? 'the host name does not resolve' : (code ?? 'the request failed');
    return new OktaNetworkError('connection', `Could not reach Okta at ${url.host}: ${detail}.`, code);
  }

  private async recordResponse(context: CallContext | undefined, method: string, url: URL, response: FetchResponse): Promise<void> {
    if (!context) return;
    const isToken = url.pathname === '/oauth2/v1/token';
    const ok = response.status >= 200 && response.status < 300;
    if (isToken && ok) {
      // A successful token request is plumbing, not evidence about an account; it also ends any earlier challenge.
      delete context.oauthError;
      return;
    }
    let errorCode: string | undefined;
    let errorId: string | undefined;
    if (!ok) {
      const body = await readJson(response);
      if (isToken) {
        context.oauthError = {
          error: typeof body?.error === 'string' ? body.error : `http_${response.status}`,
          description: typeof body?.error_description === 'string' ? body.error_description : undefined,
          status: response.status,
          dpopNonce: response.headers.get('dpop-nonce') ?? undefined,
        };
        // The DPoP nonce challenge is part of every token request to a DPoP app, not a failure.
        if (context.oauthError.error === 'use_dpop_nonce') return;
        errorCode = context.oauthError.error;
      } else {
        errorCode = typeof body?.errorCode === 'string' ? body.errorCode : undefined;
        errorId = typeof body?.errorId === 'string' ? body.errorId : undefined;
      }
    }
    record(context, { method, url, status: response.status, requestId: response.headers.get('x-okta-request-id') ?? undefined, errorCode, errorId, at: this.at() });
  }

  private at(): string {
    return new Date(this.options.clock.now()).toISOString();
  }
}

function record(context: CallContext | undefined, entry: { method: string; url: URL; status: number; requestId?: string; errorCode?: string; errorId?: string; at: string }): void {
  if (!context) return;
  context.evidence.push({
    kind: 'http',
    method: entry.method,
    // Path and query only: never the host's credentials, never a token (Okta puts none in URLs).
    url: `${entry.url.pathname}${entry.url.search}`,
    status: entry.status,
    ...(entry.requestId ? { requestId: entry.requestId } : {}),
    ...(entry.errorCode ? { errorCode: entry.errorCode } : {}),
    ...(entry.errorId ? { errorId: entry.errorId } : {}),
    at: entry.at,
  });
}

export function observe(response: FetchResponse): RateObservation {
  const number = (name: string) => {
    const raw = response.headers.get(name);
    // Okta has been seen to send duplicated headers; fetch joins them with commas. Such a value is not trustworthy.
    if (raw === null || raw.includes(',')) return undefined;
    const value = Number(raw);
    return Number.isFinite(value) ? value : undefined;
  };
  const date = response.headers.get('date');
  const serverDateMs = date ? Date.parse(date) : NaN;
  return {
    status: response.status,
    limit: number('x-rate-limit-limit'),
    remaining: number('x-rate-limit-remaining'),
    resetEpochSeconds: number('x-rate-limit-reset'),
    serverDateMs: Number.isFinite(serverDateMs) ? serverDateMs : undefined,
  };
}

async function readJson(response: FetchResponse): Promise<Record<string, unknown> | undefined> {
  try {
    const parsed = JSON.parse(await response.clone().text()) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
