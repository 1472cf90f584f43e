// End to end: the real entry point (main/cli/rekey.ts) in child processes,
// on practice directories in a temporary data directory.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const tsx = path.resolve('node_modules/.bin/tsx');
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'rekey-e2e-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function rekey(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['main/cli/rekey.ts', ...args], { env: { ...process.env, REKEY_OPERATOR: 'e2e', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const runFiles = () => (existsSync(path.join(dataDir, 'runs')) ? readdirSync(path.join(dataDir, 'runs')).filter((f) => f.endsWith('.jsonl')) : []);

describe('rekey CLI', () => {
  let journal = '';

  it('run: resets, verifies, journals; exit 0 when every planned account verified', async () => {
    const result = await rekey(['run', '--practice', '--select', 'robbins', '--yes', '--data-dir', dataDir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('verified: 2');
    expect(result.stderr).toMatch(/retry .*429/);
    const match = /journal: (.+\.jsonl)/.exec(result.stdout);
    journal = match![1]!;
    expect(existsSync(journal)).toBe(true);
  });

  it('journal verify: intact, or exit 1 naming the first bad record', async () => {
    const lines = readFileSync(journal, 'utf8').trimEnd().split('\n');
    const edited = path.join(dataDir, 'edited.jsonl');
    const removed = path.join(dataDir, 'removed.jsonl');
    await writeFile(edited, `${lines.map((l, i) => (i === 4 ? l.replace('"key":"', '"key":"X') : l)).join('\n')}\n`);
    await writeFile(removed, `${lines.filter((_, i) => i !== 2).join('\n')}\n`);
    const [intact, badEdit, badRemoval] = await Promise.all([rekey(['journal', 'verify', journal]), rekey(['journal', 'verify', edited]), rekey(['journal', 'verify', removed])]);
    expect(intact).toMatchObject({ code: 0, stdout: `intact: ${lines.length} records\n` });
    expect(badEdit.code).toBe(1);
    expect(badEdit.stdout).toContain('broken: record 5 at line 5: its content does not match its hash');
    expect(badRemoval.code).toBe(1);
    expect(badRemoval.stdout).toContain('at line 3');
  });

  it('report: CSV and a self-contained HTML page, one row per account', async () => {
    const csv = path.join(dataDir, 'report.csv');
    const html = path.join(dataDir, 'report.html');
    const [a, b] = await Promise.all([rekey(['report', journal, '--format', 'csv', '--out', csv]), rekey(['report', journal, '--format', 'html', '--out', html])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const rows = (await readFile(csv, 'utf8')).trimEnd().split('\r\n');
    expect(rows.length).toBe(3);
    expect(rows[1]).toContain('Verified');
    const page = await readFile(html, 'utf8');
    expect(page).toContain('lynne.robbins@fabrikam.example');
    expect(page).not.toMatch(/<script/i);
  });

  it('run --yes leaves typed-confirm accounts not approved (exit 1); --dry-run writes the plan and touches nothing', async () => {
    const planFile = path.join(dataDir, 'plan.json');
    const before = runFiles().length;
    const dry = await rekey(['run', '--practice', '--directory', 'windows', '--select', 'all', '--dry-run', '--plan-out', planFile, '--data-dir', dataDir]);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = JSON.parse(await readFile(planFile, 'utf8'));
    expect(plan.excluded.map((e: { account: { login: string } }) => e.account.login)).toEqual(expect.arrayContaining(['Invité', 'WDAGUtilityAccount', 'jmorgan', 'winrm-rekey']));
    expect(runFiles().length).toBe(before);
    const real = await rekey(['run', '--practice', '--directory', 'windows', '--select', 'all', '--yes', '--approve', 'Administrateur', '--data-dir', dataDir]);
    expect(real.code).toBe(1);
    expect(real.stdout).toMatch(/Not approved\s+WS-FIN01\\Administrator: Needs interactive approval/);
    expect(real.stdout).not.toContain('SRV-PARIS02\\Administrateur:');
  });

  it('resume: a killed run is listed and finished from its journal', async () => {
    const crashDir = await mkdtemp(path.join(os.tmpdir(), 'rekey-e2e-crash-'));
    try {
      // Detached: its own process group, so the kill reaches the tsx launcher and the script it runs.
      const child = spawn(tsx, ['main/cli/rekey.ts', 'run', '--practice', '--select', 'lynne', '--yes', '--data-dir', crashDir], {
        env: { ...process.env, REKEY_OPERATOR: 'e2e', REKEY_PRACTICE_LATENCY_MS: '4000' },
        stdio: 'ignore',
        detached: true,
      });
      const closed = new Promise((resolve) => child.on('close', resolve));
      const runs = path.join(crashDir, 'runs');
      for (let i = 0; i < 2000; i++) {
        await new Promise((r) => setTimeout(r, 10));
        const file = existsSync(runs) ? readdirSync(runs).find((f) => f.endsWith('.jsonl')) : undefined;
        if (file && readFileSync(path.join(runs, file), 'utf8').includes('"type":"account-started"')) break;
      }
      process.kill(-child.pid!, 'SIGKILL');
      await closed;

      const list = await rekey(['resume', '--data-dir', crashDir]);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(/1 unfinished run:\n {2}(\S+) {2}started .* by e2e \(practice\): 0 of 2 planned accounts finished/);
      const runId = /\n {2}(\S+) {2}started/.exec(list.stdout)![1]!;
      const resumed = await rekey(['resume', runId, '--data-dir', crashDir]);
      expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
      expect(resumed.stdout).toContain('verified: 2');
      expect((await rekey(['resume', '--data-dir', crashDir])).stdout).toBe('No unfinished runs.\n');
    } finally {
      await rm(crashDir, { recursive: true, force: true });
    }
  });
});
