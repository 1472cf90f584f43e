// `npm run standin -- graph` starts the stand-in alone and prints where it is
// and an admin token that Graph accepts.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createFetch } from '../../../../main/entra/transport';

describe('standalone Graph stand-in', () => {
  it('prints its address, authority and a working admin token', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/practice/standin-cli.ts', 'graph'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const lines = await new Promise<string[]>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no output in time: ${out}`)), 25_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          if (out.includes('Press Ctrl+C')) {
            clearTimeout(timer);
            resolve(out.split('\n'));
          }
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const base = /^graph stand-in: (https:\/\/127\.0\.0\.1:\d+\/v1\.0)$/.exec(lines[0] ?? '')?.[1];
      const authority = /^authority: (https:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]{36})$/.exec(lines[1] ?? '')?.[1];
      const token = /^admin token: (\S+)$/.exec(lines[2] ?? '')?.[1];
      const certificateFile = /^certificate: (\S+)/.exec(lines[3] ?? '')?.[1];
      expect(base && authority && token && certificateFile).toBeTruthy();
      const origin = new URL(base as string).origin;
      const fetchLike = createFetch({ origin, certificatePem: await readFile(certificateFile as string, 'utf8') });
      const me = await fetchLike(`${base}/me?$select=userPrincipalName`, { headers: { Authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { userPrincipalName: string }).userPrincipalName).toBe('meganb@contoso.onmicrosoft.com');
    } finally {
      child.kill('SIGTERM');
    }
  }, 40_000);
});
