import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { build, repoRoot } from '../../../main/tooling/build';
import { rendererIsStale } from '../../../main/tooling/practice';

const urlLine = /^Rekey practice console: http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]{43})$/;

let child: ChildProcess;
let stdout = '';
let exited: Promise<void>;

function upgradeStatus(url: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
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

function statusOf(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  // Build first so the spawned console starts without building (its own check then finds the bundle fresh).
  if (await rendererIsStale()) await build({ only: ['renderer'], log: () => {} });
  // Own process group, so the test can stop npx, tsx and the console together by that group's id.
  child = spawn('npx', ['tsx', 'main/tooling/practice.ts'], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.resume();
  // 'close' (not 'exit'): it fires once every process holding the output pipes (npx, tsx, the console) is gone.
  exited = new Promise((resolve) => child.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const check = () => (stdout.includes('\n') ? resolve() : undefined);
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`npm run practice exited early with code ${code}`)));
  });
}, 90_000);

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
  await exited;
});

describe('npm run practice', () => {
  it('prints exactly one line: the console URL with the token in the fragment', () => {
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.slice(0, -1)).toMatch(urlLine);
  });

  it('serves the console and refuses the bridge to a wrong token with 401', async () => {
    const [, port, token] = urlLine.exec(stdout.trimEnd()) ?? [];
    const origin = `http://127.0.0.1:${port}`;
    expect(await statusOf(Number(port), '/')).toBe(200);
    expect(await upgradeStatus(`ws://127.0.0.1:${port}/bridge?token=wrong-token-${'x'.repeat(32)}`, origin)).toBe(401);
    expect(await upgradeStatus(`ws://127.0.0.1:${port}/bridge?token=${token}`, origin)).toBe(101);
  });

  it('stops on SIGTERM, closes its port, and never printed anything else', async () => {
    const port = Number(urlLine.exec(stdout.trimEnd())?.[1]);
    if (!child.pid) throw new Error('the practice console has no pid');
    process.kill(-child.pid, 'SIGTERM');
    await exited;
    await expect(statusOf(port, '/')).rejects.toThrow(/ECONNREFUSED/);
    expect(stdout.slice(0, -1)).toMatch(urlLine);
  });
});
