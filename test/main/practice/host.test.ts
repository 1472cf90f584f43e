import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createHandlers } from '../../../main/handlers';
import { MAX_FRAME_BYTES, practiceAppInfo, startPracticeHost, type PracticeHost } from '../../../main/practice/host';
import { memorySettingsStore } from '../../../main/storage/settings';

let workDir: string;
let host: PracticeHost;
/** How many times a handler ran: refused connections must leave it at zero. */
let handlerCalls = 0;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'rekey-host-'));
  const rendererDir = path.join(workDir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(path.join(rendererDir, '.env'), 'HIDDEN=1');
  await writeFile(path.join(workDir, 'secret.txt'), 'outside the renderer folder');
  await symlink(path.join(workDir, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
  const handlers = createHandlers({
    settings: memorySettingsStore(),
    appInfo: () => {
      handlerCalls += 1;
      return practiceAppInfo();
    },
  });
  host = await startPracticeHost({ rendererDir, handlers });
});

afterAll(async () => {
  await host?.close();
  await rm(workDir, { recursive: true, force: true });
});

const bridgeUrl = (token?: string) => `ws://127.0.0.1:${host.port}/bridge${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;

/** Try to open the bridge; resolves with the HTTP status of a refusal, or 101 when it opened. */
function upgradeStatus(url: string, origin: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', (error) => {
      if (!error.message.startsWith('Unexpected server response')) reject(error);
    });
  });
}

interface BridgeClient {
  call(channel: string, payload?: unknown): Promise<{ id: unknown; envelope: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }>;
  sendRaw(data: string | Buffer, binary?: boolean): Promise<{ id: unknown; envelope: { ok: boolean; error?: { code: string; message: string } } }>;
  close(): void;
}

async function openBridge(): Promise<BridgeClient> {
  const ws = new WebSocket(bridgeUrl(host.token), { origin: host.origin });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const nextMessage = () =>
    new Promise<never>((resolve) => {
      ws.once('message', (data) => resolve(JSON.parse(String(data)) as never));
    });
  return {
    call(channel, payload) {
      const reply = nextMessage();
      ws.send(JSON.stringify({ id: nextId++, channel, payload }));
      return reply;
    },
    sendRaw(data, binary = false) {
      const reply = nextMessage();
      ws.send(data, { binary });
      return reply;
    },
    close: () => ws.close(),
  };
}

function httpGet(rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: rawPath, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('practice host: who may open the bridge', () => {
  it('refuses an upgrade without a token with 401, before any handler runs', async () => {
    expect(await upgradeStatus(bridgeUrl(), host.origin)).toBe(401);
    expect(handlerCalls).toBe(0);
  });

  it('refuses a wrong token with 401, including one that differs only at the end', async () => {
    expect(await upgradeStatus(bridgeUrl('not-the-token-at-all-0123456789'), host.origin)).toBe(401);
    const almost = `${host.token.slice(0, -1)}${host.token.endsWith('A') ? 'B' : 'A'}`;
    expect(await upgradeStatus(bridgeUrl(almost), host.origin)).toBe(401);
    expect(handlerCalls).toBe(0);
  });

  it('refuses the right token from a foreign or missing Origin with 403 (cross-site WebSocket hijacking)', async () => {
    expect(await upgradeStatus(bridgeUrl(host.token), 'http://evil.example')).toBe(403);
    expect(await upgradeStatus(bridgeUrl(host.token), `http://localhost:${host.port}`)).toBe(403);
    expect(await upgradeStatus(bridgeUrl(host.token), undefined)).toBe(403);
    expect(handlerCalls).toBe(0);
  });

  it('refuses upgrades on any other path with 401, even an unparseable one', async () => {
    expect(await upgradeStatus(`ws://127.0.0.1:${host.port}/?token=${host.token}`, host.origin)).toBe(401);
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = connect(host.port, '127.0.0.1', () => {
        socket.write(
          [
            'GET http://[ HTTP/1.1',
            `Host: 127.0.0.1:${host.port}`,
            `Origin: ${host.origin}`,
            'Upgrade: websocket',
            'Connection: Upgrade',
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
            'Sec-WebSocket-Version: 13',
            '',
            '',
          ].join('\r\n'),
        );
      });
      socket.setEncoding('utf8');
      socket.once('data', (chunk: string) => {
        resolve(chunk.split('\r\n')[0] ?? '');
        socket.destroy();
      });
      socket.once('error', reject);
    });
    expect(statusLine).toBe('HTTP/1.1 401 Unauthorized');
    expect(await upgradeStatus(bridgeUrl(host.token), host.origin)).toBe(101);
  });

  it('accepts the right token from its own origin', async () => {
    expect(await upgradeStatus(bridgeUrl(host.token), host.origin)).toBe(101);
  });

  it('issues a fresh 32-byte base64url token and puts it in the URL fragment only', () => {
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
  });
});

describe('practice host: the bridge protocol', () => {
  let bridge: BridgeClient;
  beforeAll(async () => {
    bridge = await openBridge();
  });
  afterAll(() => bridge.close());

  it('answers app.info as the practice console', async () => {
    const reply = await bridge.call('app.info');
    expect(reply.envelope).toEqual({ ok: true, value: expect.objectContaining({ name: 'Rekey', practice: true, host: 'practice-bridge', elevated: false }) });
    expect(handlerCalls).toBeGreaterThan(0);
  });

  it('keeps a settings change for later reads', async () => {
    const saved = await bridge.call('settings.set', { theme: 'dark', pacing: { maxConcurrency: 8 } });
    expect(saved.envelope.ok).toBe(true);
    const read = await bridge.call('settings.get');
    expect(read.envelope.value).toMatchObject({ theme: 'dark', pacing: { maxConcurrency: 8, windowsThrottle: 16 } });
  });

  it('refuses an invalid payload with invalid-request and does not save it', async () => {
    const reply = await bridge.call('settings.set', { theme: 'purple' });
    expect(reply.envelope.ok).toBe(false);
    expect(reply.envelope.error?.code).toBe('invalid-request');
    const read = await bridge.call('settings.get');
    expect(read.envelope.value).toMatchObject({ theme: 'dark' });
  });

  it('refuses a channel that is not in the contract', async () => {
    const reply = await bridge.call('powershell.run', { script: 'Remove-Item C:\\ -Recurse' });
    expect(reply.envelope.error?.code).toBe('unknown-channel');
  });

  it('answers malformed frames with a structured error and keeps serving', async () => {
    const notJson = await bridge.sendRaw('{not json');
    expect(notJson).toEqual({ id: null, envelope: { ok: false, error: { code: 'invalid-request', message: expect.stringContaining('not valid JSON') } } });

    const wrongShape = await bridge.sendRaw(JSON.stringify({ id: 'x1', channel: 42 }));
    expect(wrongShape.id).toBe('x1');
    expect(wrongShape.envelope.error?.code).toBe('invalid-request');

    const binary = await bridge.sendRaw(Buffer.from('{"id":1,"channel":"app.info"}'), true);
    expect(binary.envelope.error?.message).toContain('text frames');

    const huge = await bridge.sendRaw('x'.repeat(MAX_FRAME_BYTES + 1));
    expect(huge.envelope.error?.message).toContain('larger than 16 MB');

    const after = await bridge.call('app.info');
    expect(after.envelope.ok).toBe(true);
  });

  it('emits only events the contract declares', () => {
    expect(() => host.emit('run.progress' as never, {} as never)).toThrow(/no event named "run.progress"/);
  });
});

describe('practice host: serving the console', () => {
  it('serves index.html at / with the CSP naming its own bridge, nosniff and no-referrer', async () => {
    const page = await httpGet('/', { Host: `127.0.0.1:${host.port}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>console</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves scripts with a JavaScript type and the same headers', async () => {
    const script = await httpGet('/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-security-policy']).toContain('ws://127.0.0.1');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%5c..%5c..%5csecret.txt', '/index.html%00.js', '/assets/link.txt', '/.env'])(
    'refuses %s without revealing files outside the folder',
    async (rawPath) => {
      const response = await httpGet(rawPath);
      expect([400, 404]).toContain(response.status);
      expect(response.body).not.toContain('outside the renderer folder');
      expect(response.body).not.toContain('HIDDEN');
    },
  );

  it('answers an unparseable request target with 400 and keeps running', async () => {
    const response = await httpGet('http://[');
    expect(response.status).toBe(400);
    expect(await upgradeStatus(`ws://127.0.0.1:${host.port}/bridge?token=${host.token}`, host.origin)).toBe(101);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const response = await httpGet('/', { Host: `rebound.example:${host.port}` });
    expect(response.status).toBe(421);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/', method: 'POST' }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('x');
    });
    expect(status).toBe(405);
  });
});
