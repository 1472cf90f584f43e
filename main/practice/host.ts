// The practice host: one loopback HTTP server that serves the built renderer
// to any browser and bridges it to the same handler table Electron uses, over
// a WebSocket. This is how the UI runs in Chromium where no Electron binary
// exists, and how a helpdesk trains without touching real accounts.
//
// Who can talk to it: anything on this machine can reach 127.0.0.1, including
// web pages in the user's browser. So the bridge demands (1) the per-launch
// token, compared in constant time, and (2) an Origin equal to the console's
// own origin, which stops another site from opening the socket with the
// user's browser (cross-site WebSocket hijacking). Both are checked at the
// HTTP upgrade, before any channel is reachable. A Host check on every request
// defeats DNS rebinding (a foreign name resolved to 127.0.0.1).
//
// Wire protocol (text frames, JSON):
//   browser -> host  {id, channel, payload}
//   host -> browser  {id, envelope}         envelope as in preload/contract/define.ts
//   host -> browser  {event, payload}       for the contract's event streams
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { z } from 'zod';
import packageJson from '../../package.json';
import { events, isEventName, type AppInfo, type Envelope, type EventName, type EventSpec, type EventPayloadOf } from '../../preload/contract';
import { createHandlers } from '../handlers';
import { createDispatcher, type CallContext, type HandlerTable } from '../ipc/dispatch';
import { contentSecurityPolicy } from '../security/csp';
import { memorySettingsStore } from '../storage/settings';
import { resolveStaticFile } from './static-files';

/** Frames above this get a structured refusal and the socket keeps serving. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;
/** Frames above this are not even read: ws closes the socket (1009) to protect memory. */
const HARD_FRAME_LIMIT_BYTES = 4 * MAX_FRAME_BYTES;

export interface PracticeHostOptions {
  /** Folder holding the built renderer (out/renderer). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to 32 random bytes, base64url, new for every launch. */
  token?: string;
  /** Defaults to the practice handler table (in-memory settings, practice app info). */
  handlers?: HandlerTable;
  /** Diagnostics (refused upgrades, failed handlers). Never receives the token. */
  log?: (line: string) => void;
}

export interface PracticeHost {
  /** The console address, token in the fragment so it never reaches a server log or a Referer. */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  token: string;
  /** Push a contract event to every connected console; the payload is checked against the contract first. */
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void;
  close(): Promise<void>;
}

const practiceContext: CallContext = { transport: 'practice-bridge', operator: 'practice' };

const requestFrame = z.object({
  id: z.union([z.string().min(1).max(128), z.number().int().nonnegative()]),
  channel: z.string().max(200),
  payload: z.unknown().optional(),
});

export function newBridgeToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What app.info says in the practice console. `elevated` is always false: the
 * practice host never touches this machine's account database (its Windows
 * directory is simulated), so administrator rights would unlock nothing, and
 * every trainee should see the same console whatever account started it.
 */
export function practiceAppInfo(): AppInfo {
  const platform = process.platform === 'win32' || process.platform === 'darwin' || process.platform === 'linux' ? process.platform : 'other';
  return { name: 'Rekey', version: packageJson.version, platform, elevated: false, practice: true, host: 'practice-bridge' };
}

export function practiceHandlers(): HandlerTable {
  return createHandlers({ settings: memorySettingsStore(), appInfo: practiceAppInfo });
}

export async function startPracticeHost(options: PracticeHostOptions): Promise<PracticeHost> {
  const token = options.token ?? newBridgeToken();
  if (token.length < 16) throw new Error('The practice bridge token must be at least 16 characters long.');
  const log = options.log ?? (() => {});
  const dispatcher = createDispatcher(options.handlers ?? practiceHandlers(), log);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT_BYTES });

  // Filled in once listen() has picked the port; every check below needs it.
  let origin = '';
  let expectedHost = '';
  let securityHeaders: OutgoingHttpHeaders = {};

  const server = createServer((request, response) => {
    serveStatic(request, response).catch((error: unknown) => {
      log(`static request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendText(response, 500, 'The practice host could not read the console files.');
      else response.destroy();
    });
  });

  async function serveStatic(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.host !== expectedHost) return sendText(response, 421, 'This console is served only at its 127.0.0.1 address.');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return sendText(response, 405, 'Only GET and HEAD are supported.');
    }
    const url = parseRequestUrl(request.url, origin);
    if (!url) return sendText(response, 400, 'Bad request.');
    const { pathname } = url;
    if (pathname === '/bridge') return sendText(response, 426, 'The bridge speaks WebSocket only.');
    const lookup = await resolveStaticFile(options.rendererDir, pathname);
    if (!lookup.found) return sendText(response, lookup.status, lookup.status === 400 ? 'Bad path.' : 'Not found.');
    response.writeHead(200, {
      ...securityHeaders,
      'Content-Type': lookup.file.contentType,
      'Content-Length': lookup.file.size,
    });
    if (request.method === 'HEAD') return void response.end();
    createReadStream(lookup.file.filePath)
      .on('error', () => response.destroy())
      .pipe(response);
  }

  function sendText(response: ServerResponse, status: number, message: string): void {
    const body = `${message}\n`;
    response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    response.end(body);
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = parseRequestUrl(request.url, origin);
    if (url?.pathname !== '/bridge' || !tokensMatch(token, url.searchParams.get('token'))) {
      log('refused a bridge connection: missing or wrong token');
      return refuseUpgrade(socket, 401, 'Unauthorized');
    }
    if (request.headers.origin !== origin || request.headers.host !== expectedHost) {
      log(`refused a bridge connection from origin ${String(request.headers.origin).slice(0, 100)}`);
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveBridge(ws));
  });

  function serveBridge(ws: WebSocket): void {
    ws.on('message', (data: RawData, isBinary: boolean) => {
      void answer(ws, data, isBinary);
    });
    ws.on('error', (error) => log(`bridge socket error: ${error.message}`));
  }

  async function answer(ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    const frame = readFrame(data, isBinary);
    if (!frame.ok) return send(ws, { id: frame.id, envelope: frame.envelope });
    const envelope = await dispatcher.dispatch(frame.channel, frame.payload, practiceContext, true);
    send(ws, { id: frame.id, envelope });
  }

  function send(ws: WebSocket, message: unknown): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  expectedHost = `127.0.0.1:${port}`;
  securityHeaders = {
    'Content-Security-Policy': contentSecurityPolicy({ connectSrc: [`ws://127.0.0.1:${port}`] }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    emit(event, payload) {
      if (!isEventName(event)) throw new Error(`There is no event named "${String(event).slice(0, 60)}" in the contract.`);
      // Widened view: the table grows with later issues and is empty today.
      const spec = (events as Record<string, EventSpec>)[event];
      if (!spec) throw new Error(`There is no event named "${event}" in the contract.`);
      const checked = spec.payload.parse(payload);
      const message = JSON.stringify({ event, payload: checked });
      for (const client of sockets.clients) if (client.readyState === WebSocket.OPEN) client.send(message);
    },
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** The request target as a URL, or null when it cannot be parsed (an exception here would end the host). */
function parseRequestUrl(target: string | undefined, origin: string): URL | null {
  try {
    return new URL(target ?? '/', origin);
  } catch {
    return null;
  }
}

/** Constant-time comparison; hashing first makes both sides the same length without leaking it. */
function tokensMatch(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

function refuseUpgrade(socket: Duplex, status: 401 | 403, reason: string): void {
  const body = status === 401 ? 'The practice bridge needs the token printed by npm run practice.\n' : 'The practice bridge accepts connections only from its own console page.\n';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

type FrameReading =
  | { ok: true; id: string | number; channel: string; payload: unknown }
  | { ok: false; id: string | number | null; envelope: Envelope<never> };

function malformed(id: string | number | null, message: string): FrameReading {
  return { ok: false, id, envelope: { ok: false, error: { code: 'invalid-request', message } } };
}

function readFrame(data: RawData, isBinary: boolean): FrameReading {
  if (isBinary) return malformed(null, 'The bridge accepts text frames with JSON only.');
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  if (bytes.length > MAX_FRAME_BYTES) return malformed(null, `The message is larger than ${MAX_FRAME_BYTES / 1024 / 1024} MB and was not read.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return malformed(null, 'The message is not valid JSON.');
  }
  const frame = requestFrame.safeParse(parsed);
  if (!frame.success) {
    const id = requestFrame.shape.id.safeParse(typeof parsed === 'object' && parsed !== null ? (parsed as { id?: unknown }).id : undefined);
    return malformed(id.success ? id.data : null, 'The message must be {id, channel, payload} with a string or number id and a string channel.');
  }
  return { ok: true, id: frame.data.id, channel: frame.data.channel, payload: frame.data.payload };
}
