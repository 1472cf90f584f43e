// Calls to Microsoft Graph through the official SDK (@microsoft/microsoft-graph-client
// 3.0.7): its Client, AuthenticationHandler (per request, so a refused token
// can be identified) and TelemetryHandler, then our last link that sends the
// request (see transport.ts).
//
// Why not the SDK's RetryHandler: it sleeps with a plain setTimeout that a
// cancelled run cannot interrupt, it knows nothing of the shared write
// budget, and it never sees throttled items inside a $batch (the batch itself
// is a 200). One retry policy (throttle.ts) therefore covers top-level
// requests and batch items alike, with Retry-After honoured in both.
import { randomUUID } from 'node:crypto';
import {
  AuthenticationHandler,
  AuthenticationHandlerOptions,
  Client,
  GraphError,
  ResponseType,
  TelemetryHandler,
  type AuthenticationProvider,
} from '@microsoft/microsoft-graph-client';
import type { Clock } from '../core/ports';
import { SignInRequiredError, type TokenSource } from './auth';
import { retryableStatuses, retryDelayMs, type RetryTiming } from './throttle';
import { FetchMessageHandler, type FetchLike } from './transport';

export interface GraphResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  requestId?: string;
  /** The client-request-id Rekey sent (a fresh GUID per attempt). */
  clientRequestId: string;
}

/** Graph refused a request for good (or kept failing until retries ran out). */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly graphMessage: string,
    readonly requestId: string | undefined,
    readonly clientRequestId: string,
    readonly retryAfterMs?: number,
  ) {
    super(`Microsoft Graph answered ${status === 0 ? 'nothing (network failure)' : status} ${code}: ${graphMessage}`);
    this.name = 'GraphHttpError';
  }
}

export interface GraphApiOptions {
  /** https://graph.microsoft.com (default) or the stand-in's https://127.0.0.1:PORT[/v1.0]. */
  baseUrl: string;
  tokens: TokenSource;
  fetchLike: FetchLike;
  clock: Clock;
  timing: RetryTiming;
  /** Per-attempt timeout. */
  requestTimeoutMs: number;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Abort an in-flight attempt when `signal` fires. False for writes: an
   * aborted write leaves the account in an unknown state, so a started
   * request is allowed to finish (cancellation takes effect between requests).
   */
  abortInFlight?: boolean;
}

type Method = 'GET' | 'POST' | 'PATCH';

export class GraphApi {
  readonly client: Client;
  readonly origin: string;

  constructor(private readonly options: GraphApiOptions) {
    const base = new URL(options.baseUrl);
    if (base.protocol !== 'https:') throw new Error(`Microsoft Graph must be reached over https (got ${options.baseUrl}).`);
    this.origin = base.origin;
    const custom = base.hostname !== 'graph.microsoft.com';
    const authentication = new AuthenticationHandler({ getAccessToken: () => options.tokens.getAccessToken() });
    const telemetry = new TelemetryHandler();
    const send = new FetchMessageHandler(options.fetchLike);
    this.client = Client.initWithMiddleware({
      baseUrl: this.origin,
      defaultVersion: 'v1.0',
      middleware: [authentication, telemetry, send],
      // The SDK attaches the bearer token only to Graph hosts and to these host names.
      ...(custom ? { customHosts: new Set([base.hostname]) } : {}),
    });
  }

  /** One Graph call with retries: Retry-After on 429/503/504, backoff on network failures, one token refresh on 401. */
  async request<T = unknown>(method: Method, pathOrUrl: string, options: RequestOptions = {}): Promise<GraphResponse<T>> {
    const { timing, clock } = this.options;
    let refreshedToken = false;
    for (let attempt = 1; ; attempt++) {
      options.signal?.throwIfAborted();
      const clientRequestId = randomUUID();
      let usedToken: string | undefined;
      const provider: AuthenticationProvider = {
        getAccessToken: async () => (usedToken = await this.options.tokens.getAccessToken()),
      };
      const timeout = AbortSignal.timeout(this.options.requestTimeoutMs);
      const signal = options.signal && options.abortInFlight !== false ? AbortSignal.any([options.signal, timeout]) : timeout;
      const request = this.client
        .api(pathOrUrl)
        .responseType(ResponseType.RAW)
        .headers({ ...(options.headers ?? {}), 'client-request-id': clientRequestId })
        .middlewareOptions([new AuthenticationHandlerOptions(provider)])
        .option('signal', signal);

      let response: Response;
      try {
        response = (await (method === 'GET' ? request.get() : method === 'POST' ? request.post(options.body ?? {}) : request.patch(options.body))) as Response;
      } catch (error) {
        options.signal?.throwIfAborted();
        if (isSignInFailure(error)) throw new SignInRequiredError(error instanceof Error && error.message ? error.message : undefined);
        const message = error instanceof Error ? error.message : String(error);
        if (attempt >= timing.maxAttempts) throw new GraphHttpError(0, 'NetworkFailure', message, undefined, clientRequestId);
        await clock.sleep(retryDelayMs(undefined, attempt, timing), options.signal);
        continue;
      }

      const body = await readJson(response);
      const requestId = response.headers.get('request-id') ?? undefined;
      if (response.ok) return { status: response.status, body: body as T, headers: response.headers, requestId, clientRequestId };

      const { code, message } = graphError(body, response.status);
      if (response.status === 401 && code === 'InvalidAuthenticationToken' && !refreshedToken && usedToken) {
        // Expired or revoked before MSAL thought so: drop it and refresh silently, once.
        this.options.tokens.reject(usedToken);
        refreshedToken = true;
        attempt--;
        continue;
      }
      const retryAfter = response.headers.get('retry-after');
      if (retryableStatuses.has(response.status) && attempt < timing.maxAttempts) {
        await clock.sleep(retryDelayMs(retryAfter, attempt, timing), options.signal);
        continue;
      }
      throw new GraphHttpError(response.status, code, message, requestId, clientRequestId, retryAfter ? retryDelayMs(retryAfter, attempt, timing) : undefined);
    }
  }

  /** Every page of a collection: follows @odata.nextLink exactly as returned. */
  async *pages<T>(firstPath: string, options: RequestOptions = {}): AsyncGenerator<T[]> {
    let next: string | undefined = firstPath;
    while (next) {
      const page: GraphResponse<{ value?: T[]; '@odata.nextLink'?: string }> = await this.request('GET', next, options);
      yield page.body.value ?? [];
      next = page.body['@odata.nextLink'];
    }
  }

  /** Every item of a collection, all pages. */
  async all<T>(firstPath: string, options: RequestOptions = {}): Promise<T[]> {
    const out: T[] = [];
    for await (const page of this.pages<T>(firstPath, options)) out.push(...page);
    return out;
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function graphError(body: unknown, status: number): { code: string; message: string; requestId?: string; clientRequestId?: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown> } } | undefined)?.error;
  const inner = error?.innerError;
  return {
    code: typeof error?.code === 'string' ? error.code : `HTTP${status}`,
    message: typeof error?.message === 'string' ? error.message : '',
    requestId: typeof inner?.['request-id'] === 'string' ? inner['request-id'] : undefined,
    clientRequestId: typeof inner?.['client-request-id'] === 'string' ? inner['client-request-id'] : undefined,
  };
}

/**
 * The SDK wraps whatever the token provider threw into a GraphError whose
 * code is the original error's name. "Sign in again" must not be retried as
 * network trouble.
 */
function isSignInFailure(error: unknown): boolean {
  const name = error instanceof GraphError ? error.code : error instanceof Error ? error.name : undefined;
  return name === 'SignInRequiredError' || name === 'InteractionRequiredAuthError';
}
