// The Graph + authority stand-in: one HTTPS server on 127.0.0.1 with a
// self-signed certificate made at start. Paths under /v1.0 are Microsoft
// Graph; /{tenant}/... is the identity platform. Every Graph answer carries
// request-id / client-request-id / Date headers; errors have Graph's shape.
//
// HTTPS is not optional: the Graph SDK only attaches the bearer token to
// https:// hosts, and MSAL only accepts https authorities. Clients trust the
// certificate explicitly (certificatePem), for this host only.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import selfsigned from 'selfsigned';
import type { Caller } from './access';
import { FakeAuthority, graphResource } from './authority';
import { handleBatch } from './batch';
import { FaultInjector, type FaultRule } from './faults';
import { loadGraphModel } from './metadata';
import { errorBody, type GraphReply, type RequestContext } from './responses';
import { GraphRoutes, type GraphCall, type OperationRecord } from './routes';
import { practiceTenant, seedTenant, type SeedOptions } from './seed';
import type { TenantState } from './state';
import { graphIdentityWriteQuota, WriteThrottle } from './throttle';
import { createSigningKey, verifyOwnJwt, type SigningKey } from './tokens';

export interface GraphStandInOptions {
  /** A ready tenant; default: seedTenant(seed). */
  state?: TenantState;
  seed?: SeedOptions;
  metadataPath?: string;
  /** Real milliseconds per service millisecond for throttling windows and Retry-After (1 = real time). */
  timeScale?: number;
  writeQuota?: { writesPerWindow: number; windowSeconds: number };
  accessTokenLifetimeSeconds?: number;
  deviceCodeIntervalSeconds?: number;
  /** Who "the browser" is signed in as (UPN alias or full UPN). Default: the Privileged Authentication Administrator. */
  browserUser?: string;
}

export interface RequestRecord {
  method: string;
  path: string;
  /** The query string, decoded ("$select=id,displayName&$top=100"). */
  query: string;
  status: number;
  /** Number of requests inside a $batch. */
  batchSize?: number;
  consistencyLevel?: string;
  clientRequestId?: string;
}

export interface GraphStandIn {
  /** https://127.0.0.1:PORT */
  origin: string;
  /** https://127.0.0.1:PORT/v1.0 */
  graphBaseUrl: string;
  /** https://127.0.0.1:PORT/<tenant id> */
  authorityUrl: string;
  tenantId: string;
  tenantDomain: string;
  /** The self-signed server certificate (PEM) clients must trust for this host. */
  certificatePem: string;
  state: TenantState;
  authority: FakeAuthority;
  faults: FaultInjector;
  throttle: WriteThrottle;
  /** Top-level requests served so far (most recent last, bounded). */
  requests: RequestRecord[];
  /** Every Graph operation answered, $batch items included (oldest first, bounded). */
  operations: OperationRecord[];
  /** Register a certificate credential (PEM) on an app registration. */
  registerCertificate(clientId: string, certificatePem: string): void;
  close(): Promise<void>;
}

const maxBodyBytes = 4 * 1024 * 1024;
const maxLoggedRequests = 5000;
const jsonContentType = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export async function startGraphStandIn(options: GraphStandInOptions = {}): Promise<GraphStandIn> {
  const [model, tls] = await Promise.all([loadGraphModel(options.metadataPath), selfSignedCertificate()]);
  const state = options.state ?? seedTenant(options.seed);
  const key = createSigningKey();
  let origin = '';
  const faults = new FaultInjector();
  const throttle = new WriteThrottle({ ...graphIdentityWriteQuota, ...options.writeQuota, timeScale: options.timeScale ?? 1 });
  const authority = new FakeAuthority({
    state,
    key,
    origin: () => origin,
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds,
    deviceCodeIntervalSeconds: options.deviceCodeIntervalSeconds,
  });
  const browserUser = options.browserUser ?? practiceTenant.operators.privilegedAuthAdmin;
  authority.signIn(browserUser.includes('@') ? browserUser : `${browserUser}@${state.tenant.domain}`);
  const routes = new GraphRoutes({ state, model, throttle, faults, origin: () => origin });
  const requests: RequestRecord[] = [];
  const sockets = new Set<Socket>();

  const record = (entry: RequestRecord): void => {
    requests.push(entry);
    if (requests.length > maxLoggedRequests) requests.splice(0, requests.length - maxLoggedRequests);
  };

  const server: Server = createServer({ key: tls.private, cert: tls.cert }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', origin);
    const method = (req.method ?? 'GET').toUpperCase();

    if (authority.owns(url.pathname)) {
      const contentType = String(req.headers['content-type'] ?? '');
      const form = contentType.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(raw.toString('utf8')) : new URLSearchParams();
      const reply = authority.handle({ method, path: url.pathname, query: url.searchParams, form });
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body);
      return;
    }

    if (url.pathname !== '/v1.0' && !url.pathname.startsWith('/v1.0/')) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: `No such endpoint ${url.pathname}; Graph lives under /v1.0.` } }));
      return;
    }

    const path = url.pathname.slice('/v1.0'.length) || '/';
    const headers = lowerCaseHeaders(req);
    const context: RequestContext = { requestId: randomUUID(), clientRequestId: headers['client-request-id'] ?? randomUUID(), now: Date.now() };
    const send = (reply: GraphReply, batchSize?: number): void => {
      const out: Record<string, string> = {
        'request-id': context.requestId,
        'client-request-id': context.clientRequestId,
        'x-ms-ags-diagnostic': JSON.stringify({ ServerInfo: { DataCenter: 'Practice', Slice: 'E', Ring: '0', ScaleUnit: '000', RoleInstance: 'REKEY-STANDIN' } }),
        'Strict-Transport-Security': 'max-age=31536000',
        Date: new Date(context.now).toUTCString(),
        'Cache-Control': 'no-cache',
        ...(reply.headers ?? {}),
      };
      if (reply.body !== undefined) out['Content-Type'] = jsonContentType;
      res.writeHead(reply.status, out);
      res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
      record({ method, path, query: decodeURIComponent(url.search.replace(/^\?/, '')), status: reply.status, batchSize, consistencyLevel: headers.consistencylevel, clientRequestId: context.clientRequestId });
    };

    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));

    const fault: FaultRule | null = faults.match({ method, path, userId: routes.userIdOf({ path, caller: anonymous }), scope: 'top-level' }) ?? null;
    if (fault?.kind === 'connection-reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'read-timeout') return; // never answer; close() tears the socket down
    if (fault?.kind === 'token-expired') {
      authority.expireIssuedTokens();
      send(unauthorized('Access token has expired or is not yet valid.', context));
      return;
    }

    const auth = authenticate(headers.authorization, key, authority, state);
    if (typeof auth === 'string') {
      send(unauthorized(auth, context));
      return;
    }

    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        send({
          status: 400,
          body: errorBody('BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.', context),
        });
        return;
      }
    }
    const call: GraphCall = { method, path, query: url.searchParams, headers, body, caller: auth, context, selfUrl: url, scope: 'top-level' };
    if (path === '/$batch') {
      if (method !== 'POST') {
        send({ status: 405, body: errorBody('Request_BadRequest', 'Specified HTTP method is not allowed for the request target.', context) });
        return;
      }
      const size = Array.isArray((body as { requests?: unknown } | undefined)?.requests) ? (body as { requests: unknown[] }).requests.length : undefined;
      const reply = fault && fault.kind !== 'silent-noop' ? routes.dispatch(call, fault) : safeBatch(() => handleBatch(call, routes, () => Date.now()), context);
      send(reply, size);
      return;
    }
    send(routes.dispatch(call, fault));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The Graph stand-in did not get a TCP port.');
  origin = `https://127.0.0.1:${address.port}`;

  return {
    origin,
    graphBaseUrl: `${origin}/v1.0`,
    authorityUrl: `${origin}/${state.tenant.id}`,
    tenantId: state.tenant.id,
    tenantDomain: state.tenant.domain,
    certificatePem: tls.cert,
    state,
    authority,
    faults,
    throttle,
    requests,
    operations: routes.operations,
    registerCertificate(clientId, certificatePem) {
      const app = state.appByClientId(clientId);
      if (!app) throw new Error(`No app registration ${clientId} in the practice tenant.`);
      app.certificates.push(certificatePem);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

const anonymous: Caller = { kind: 'app', objectId: '', appId: '', permissions: new Set() };

function safeBatch(run: () => GraphReply, context: RequestContext): GraphReply {
  try {
    return run();
  } catch (error) {
    const failure = error as { status?: number; code?: string; message?: string };
    if (typeof failure.status === 'number' && typeof failure.code === 'string') {
      return { status: failure.status, body: errorBody(failure.code, failure.message ?? '', context) };
    }
    return { status: 500, body: errorBody('generalException', 'General exception while processing', context) };
  }
}

/** The caller behind a bearer token, or the 401 message. */
function authenticate(header: string | undefined, key: SigningKey, authority: FakeAuthority, state: TenantState): Caller | string {
  if (!header) return 'Access token is empty.';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match?.[1]) return 'Access token is empty.';
  const payload = verifyOwnJwt(match[1], key);
  if (!payload) return 'Access token validation failure.';
  if (payload.aud !== graphResource && payload.aud !== '00000003-0000-0000-c000-000000000000') return 'Access token validation failure. Invalid audience.';
  if (payload.tid !== state.tenant.id) return 'Access token validation failure. Invalid tenant.';
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.exp !== 'number' || payload.exp <= now || authority.isExpired(payload.uti)) return 'Access token has expired or is not yet valid.';
  const appId = String(payload.appid ?? '');
  if (payload.idtyp === 'app') {
    const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : [];
    return { kind: 'app', objectId: String(payload.oid ?? ''), appId, permissions: new Set(roles) };
  }
  const user = state.findUser(String(payload.oid ?? ''));
  if (!user) return 'Access token validation failure. The user no longer exists.';
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [];
  return { kind: 'user', objectId: user.id, appId, permissions: new Set(scopes) };
}

function unauthorized(message: string, context: RequestContext): GraphReply {
  return {
    status: 401,
    headers: {
      'WWW-Authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
    },
    body: errorBody('InvalidAuthenticationToken', message, context),
  };
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function selfSignedCertificate(): Promise<{ private: string; cert: string }> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return { private: pems.private, cert: pems.cert };
}

