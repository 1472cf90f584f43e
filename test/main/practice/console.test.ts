// The practice console end to end: it starts the practice tenant, serves the
// console, answers over the real WebSocket bridge (token + origin), pushes
// events to the page, and close() frees its port, the stand-ins and its
// temporary data folder.
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startPracticeConsole, type PracticeConsole } from '../../../main/practice/console';
import { PracticeLive } from '../../../main/console/connection-kinds/practice';

let workDir: string;
let practice: PracticeConsole;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'rekey-practice-console-'));
  await writeFile(path.join(workDir, 'index.html'), '<!doctype html><title>practice console</title>');
  practice = await startPracticeConsole({ rendererDir: workDir });
}, 60_000);

afterAll(async () => {
  await practice?.close();
  await rm(workDir, { recursive: true, force: true });
});

function statusOf(port: number, urlPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function portRefuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** A bridge client like the console page: token in the URL, the console's own origin. */
async function bridge(): Promise<{ call(channel: string, payload?: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }>; events: Array<{ event: string; payload: unknown }>; close(): void }> {
  const ws = new WebSocket(`ws://127.0.0.1:${practice.host.port}/bridge?token=${practice.host.token}`, { origin: practice.host.origin });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const pending = new Map<number, (envelope: { ok: boolean; value?: unknown; error?: unknown }) => void>();
  const events: Array<{ event: string; payload: unknown }> = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; envelope?: { ok: boolean }; event?: string; payload?: unknown };
    if (message.event) events.push({ event: message.event, payload: message.payload });
    else if (typeof message.id === 'number') pending.get(message.id)?.(message.envelope as { ok: boolean });
  });
  let next = 1;
  return {
    events,
    call: (channel, payload) =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, channel, payload }));
      }),
    close: () => ws.close(),
  };
}

describe('startPracticeConsole', () => {
  it('serves the console page at its address, token in the fragment', async () => {
    expect(practice.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${practice.host.port}/#token=[A-Za-z0-9_-]{43}$`));
    expect(await statusOf(practice.host.port, '/')).toBe(200);
  });

  it('answers app.info and accounts.list over the WebSocket bridge, and pushes events to the page', async () => {
    const client = await bridge();
    try {
      const info = await client.call('app.info');
      expect(info).toEqual({ ok: true, value: expect.objectContaining({ name: 'Rekey', practice: true, host: 'practice-bridge', elevated: false }) });

      const page = (await client.call('accounts.list', { offset: 0, limit: 25 })) as { ok: true; value: { accounts: Array<{ directoryId: string }>; total: number; snapshotId: string } };
      expect(page.ok).toBe(true);
      expect(page.value.accounts.length).toBeGreaterThan(0);
      expect(page.value.accounts.length).toBeLessThanOrEqual(25);
      expect(page.value.snapshotId).toMatch(/^snapshot-/);

      const refused = await client.call('accounts.list', { offset: -1, limit: 25 });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });

      const check = (await client.call('connections.check', { id: 'practice' })) as { ok: true; value: Array<{ severity: string; title: string; fix?: string }> };
      expect(check.ok).toBe(true);
      expect(check.value.some((d) => d.title.startsWith('Contoso (practice Entra): Graph permission User-PasswordProfile.ReadWrite.All') && d.severity === 'ok')).toBe(true);
      expect(check.value.some((d) => d.title.startsWith('Fabrikam (practice Okta)') && d.severity === 'ok')).toBe(true);
      expect(check.value.some((d) => d.title === 'Practice Windows hosts: LONDON-KIOSK3 did not answer' && d.severity === 'error' && d.fix?.includes('WinRM'))).toBe(true);
      // The check announced the connection's state changes (checking, then back) on the socket.
      for (let i = 0; i < 100 && client.events.filter((e) => e.event === 'connections.changed').length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      expect(client.events.filter((e) => e.event === 'connections.changed').map((e) => e.payload)).toEqual([{ id: 'practice' }, { id: 'practice' }]);
    } finally {
      client.close();
    }
  }, 30_000);

  it('close() frees the port, stops the stand-ins and removes its temporary data folder', async () => {
    const connection = practice.services.connections.connection('practice');
    expect(connection).toBeInstanceOf(PracticeLive);
    const stand = (connection as PracticeLive).practiceDirectories;
    const graphPort = Number(new URL(stand!.graph.origin).port);
    const oktaPort = Number(new URL(stand!.oktaStandIn.url).port);
    expect(await portRefuses(graphPort)).toBe(false);
    const port = practice.host.port;
    const dataDir = practice.dataDir;
    await practice.close();
    expect(await portRefuses(port)).toBe(true);
    expect(await portRefuses(graphPort)).toBe(true);
    expect(await portRefuses(oktaPort)).toBe(true);
    await expect(access(dataDir)).rejects.toThrow(/ENOENT/);
    // Closing twice is harmless.
    await practice.close();
  });
});
