// The Okta stand-in: an HTTP server on 127.0.0.1 that answers like an Okta org
// for the operations Rekey uses. Every request goes through the same pipeline:
// injected faults, the shared per-endpoint rate limit, authentication, scope
// and role checks, the operation, then the headers Okta always sends
// (X-Rate-Limit-*, X-Okta-Request-Id, Date). Each response can be observed
// through onResponse, which the tests use to check every body against Okta's
// OpenAPI description.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { systemClock, type Clock } from '../../core/ports';
import { AuthService, type Principal } from './auth';
import { decodeJwt } from './jwt';
import { errors, OktaHttpError } from './errors';
import { FaultPlan, type FaultAction } from './faults';
import { RateLimiter, standinBucketFor, type StandinBucket } from './ratelimit';
import { requireAnyAdmin, routes, scopeSatisfied, type Route, type RouteResult } from './routes';
import { OrgState } from './state';

export interface ObservedExchange {
  method: string;
  path: string;
  query: string;
  /** The operation's path template when the request matched one, e.g. /api/v1/users/{id}. */
  template?: string;
  status: number;
  headers: Record<string, string>;
  /** The raw body as sent ('' when none). */
  body: string;
  /** Who made the request (client id or SSWS token name), when known. */
  principal: string;
  /** How the request authenticated: the Authorization scheme and whether a DPoP proof came with it. */
  scheme?: string;
  dpopProof: boolean;
  /** X-Okta-Retry-Count, which only the SDK's own retrying executor sends. */
  retryCount?: string;
}

export interface OktaStandinOptions {
  state?: OrgState;
  /** Time for rate windows, Date headers and timestamps (tests pass a fast clock). */
  clock?: Clock;
  /** Time for validating JWTs minted by the client (the SDK uses the host's real time). */
  jwtClock?: Clock;
  rateLimits?: Partial<Record<StandinBucket, number>>;
  port?: number;
}

export interface OktaStandin {
  readonly url: string;
  readonly state: OrgState;
  readonly auth: AuthService;
  readonly rateLimiter: RateLimiter;
  readonly faults: FaultPlan;
  /** Requests seen per principal and in total (429s are in rateLimiter.throttled). */
  readonly requestCounts: Map<string, number>;
  onResponse(listener: (exchange: ObservedExchange) => void): void;
  close(): Promise<void>;
}

export async function startOktaStandin(options: OktaStandinOptions = {}): Promise<OktaStandin> {
  const clock = options.clock ?? systemClock;
  const state = options.state ?? new OrgState();
  const auth = new AuthService(state, options.jwtClock ?? systemClock);
  const rateLimiter = new RateLimiter(clock, options.rateLimits);
  const faults = new FaultPlan();
  const listeners: ((exchange: ObservedExchange) => void)[] = [];
  const requestCounts = new Map<string, number>();
  const heldSockets = new Set<Socket>();
  let origin = '';

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A bug in the stand-in must still produce an Okta-shaped answer, not a hang.
      console.error('okta stand-in: unexpected error', error);
      if (!response.headersSent) send(response, { method: request.method ?? 'GET', path: '', query: '', principal: 'unknown', dpopProof: false }, errors.internal());
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', origin);
    const path = url.pathname;
    const body = await readBody(request);
    const principalHint = hintPrincipal(request, body);
    const exchange = {
      method,
      path,
      query: url.search,
      principal: principalHint,
      scheme: header(request, 'authorization')?.split(/\s+/, 1)[0],
      dpopProof: header(request, 'dpop') !== undefined,
      retryCount: header(request, 'x-okta-retry-count'),
    };
    requestCounts.set(principalHint, (requestCounts.get(principalHint) ?? 0) + 1);

    const actions = faults.take(method, path);
    let forcedRateLimit: Extract<FaultAction, { kind: 'rate-limit' }> | undefined;
    const bucket = standinBucketFor(method, path);
    for (const action of actions) {
      if (action.kind === 'latency') await clock.sleep(action.ms);
      if (action.kind === 'connection-reset') {
        request.socket.destroy();
        return;
      }
      if (action.kind === 'read-timeout') {
        heldSockets.add(request.socket);
        request.socket.once('close', () => heldSockets.delete(request.socket));
        return;
      }
      if (action.kind === 'expire-tokens') auth.expireAccessTokens();
      if (action.kind === 'burst') {
        const target = action.bucket ?? bucket;
        rateLimiter.consume(target, action.count === 'all' ? rateLimiter.remaining(target) : action.count);
      }
      if (action.kind === 'status') return send(response, exchange, action.status === 500 ? errors.internal() : errors.unavailable(), rateLimiter.headers(bucket));
      if (action.kind === 'rate-limit') forcedRateLimit = action;
    }
    if (faults.latencyMs > 0) await clock.sleep(faults.latencyMs);

    if (forcedRateLimit) {
      const headers: Record<string, string> = {};
      if (!forcedRateLimit.bare) {
        Object.assign(headers, rateLimiter.headers(bucket), { 'X-Rate-Limit-Remaining': '0' });
        if (forcedRateLimit.resetInSeconds !== undefined) headers['X-Rate-Limit-Reset'] = String(Math.floor(clock.now() / 1000) + forcedRateLimit.resetInSeconds);
      }
      rateLimiter.throttled.set(principalHint, (rateLimiter.throttled.get(principalHint) ?? 0) + 1);
      return send(response, exchange, errors.tooManyRequests(headers));
    }
    const decision = rateLimiter.admit(bucket, principalHint);
    if (!decision.allowed) return send(response, exchange, errors.tooManyRequests(decision.headers));

    try {
      if (path === '/oauth2/v1/token') {
        if (method !== 'POST') throw errors.methodNotAllowed();
        const token = auth.issueToken(origin, new URLSearchParams(body), header(request, 'dpop'));
        return send(response, exchange, { status: 200, body: token, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } }, rateLimiter.headers(bucket));
      }
      const matched = routes.filter((candidate) => candidate.pattern.test(path));
      const route = matched.find((candidate) => candidate.method === method);
      if (!route) throw matched.length > 0 ? errors.methodNotAllowed() : errors.resourceNotFound(path);
      const principal = auth.authenticate({ method, htu: `${origin}${path}`, authorization: header(request, 'authorization'), dpop: header(request, 'dpop') }, origin);
      authorize(route, principal, path);
      const params = (route.pattern.exec(path)?.groups ?? {}) as Record<string, string>;
      const result = route.handle({ state, auth, clock, origin, path, query: url.searchParams, params, principal });
      return send(response, { ...exchange, template: route.template }, result, rateLimiter.headers(bucket));
    } catch (error) {
      if (error instanceof OktaHttpError) {
        const template = routes.find((candidate) => candidate.pattern.test(path) && candidate.method === method)?.template;
        return send(response, { ...exchange, template }, error, rateLimiter.headers(bucket));
      }
      throw error;
    }
  }

  function authorize(route: Route, principal: Principal, path: string): void {
    if (principal.kind === 'oauth' && !scopeSatisfied(principal.scopes, route.scope)) throw auth.insufficientScope(principal, route.scope, origin, path);
    requireAnyAdmin(auth, principal);
  }

  function send(
    response: ServerResponse,
    exchange: Omit<ObservedExchange, 'status' | 'headers' | 'body'>,
    result: RouteResult | OktaHttpError,
    rateHeaders: Record<string, string> = {},
  ): void {
    const status = result.status;
    const payload = result instanceof OktaHttpError ? result.body : result.body;
    const text = payload === undefined ? '' : JSON.stringify(payload);
    const headers: Record<string, string> = {
      ...rateHeaders,
      ...(result.headers ?? {}),
      'X-Okta-Request-Id': randomBytes(12).toString('base64url'),
      Date: new Date(clock.now()).toUTCString(),
      ...(text ? { 'Content-Type': 'application/json' } : {}),
    };
    response.sendDate = false;
    response.writeHead(status, headers);
    response.end(text);
    const observed: ObservedExchange = { ...exchange, status, headers, body: text };
    for (const listener of listeners) listener(observed);
  }

  function hintPrincipal(request: IncomingMessage, body: string): string {
    const authorization = header(request, 'authorization') ?? '';
    const [scheme, credential = ''] = authorization.split(/\s+/, 2);
    if (scheme === 'SSWS') return `ssws:${state.apiTokens.get(credential)?.name ?? 'unknown'}`;
    try {
      if (scheme === 'Bearer' || scheme === 'DPoP') return String(decodeJwt(credential).payload.cid);
      const assertion = new URLSearchParams(body).get('client_assertion');
      if (assertion) return String(decodeJwt(assertion).payload.iss);
    } catch {
      // Not a JWT: the request will be rejected as unauthenticated.
    }
    return 'anonymous';
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the Okta stand-in did not get a port');
  origin = `http://127.0.0.1:${address.port}`;

  return {
    url: origin,
    state,
    auth,
    rateLimiter,
    faults,
    requestCounts,
    onResponse: (listener) => listeners.push(listener),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of heldSockets) socket.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
