// The CLI in-process: argument handling, exit codes, interactive approval,
// progress printing. (rekey.test.ts runs the real entry point in child processes.)
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/main';
import { ProgressPrinter } from '../../../main/cli/progress-printer';
import { recordingIo } from './cli-io';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'rekey-cli-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('usage errors exit 2 with the usage text', () => {
  it.each([
    [[]],
    [['launch']],
    [['run', '--practice', '--select', 'x', '--bogus']],
    [['run', '--select', 'all']],
    [['run', '--practice']],
    [['run', '--practice', '--select', 'all', '--csv', 'f.csv']],
    [['run', '--practice', '--select', 'all', '--plan-out', 'p.json']],
    [['run', '--practice', '--csv', '/nonexistent/file.csv']],
    [['journal']],
    [['journal', 'verify']],
    [['report', 'f.jsonl', '--format', 'pdf', '--out', 'x']],
    [['resume', 'a', 'b']],
  ])('rekey %j', async (argv) => {
    const { io, out } = recordingIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(out.stderr).toContain('Usage:');
  });

  it('an unknown directory names the ones that exist', async () => {
    const { io, out } = recordingIo();
    expect(await runCli(['run', '--practice', '--directory', 'google', '--select', 'all', '--data-dir', dataDir], io)).toBe(2);
    expect(out.stderr).toContain('okta:fabrikam-practice.okta.com');
    const real = recordingIo();
    expect(await runCli(['run', '--directory', 'contoso', '--select', 'all', '--data-dir', dataDir], real.io)).toBe(2);
    expect(real.out.stderr).toContain('use --practice');
  });
});

describe('rekey run in-process', () => {
  it('asks on a terminal: one question for confirm accounts, a typed name for each typed-confirm one', async () => {
    const { io, out } = recordingIo({ interactive: true, answers: ['y', '', 'Administrateur'] });
    const code = await runCli(['run', '--practice', '--directory', 'windows:practice-hosts', '--select', 'a', '--data-dir', dataDir], io);
    expect(out.questions[0]).toMatch(/Reset \d+ accounts that need confirmation\? \[y\/N\]/);
    expect(out.questions.slice(1).map((q) => q.split(' [')[0])).toEqual(['Administrator', 'Administrateur']);
    expect(out.questions.slice(1).every((q) => q.includes('Type the login'))).toBe(true);
    expect(out.stdout).toMatch(/Not approved\s+WS-FIN01\\Administrator: Needs interactive approval/);
    expect(out.stdout).not.toContain('SRV-PARIS02\\Administrateur');
    expect(code).toBe(1);
    const runs = await readdir(path.join(dataDir, 'runs'));
    const journal = await readFile(path.join(dataDir, 'runs', runs[0]!), 'utf8');
    expect(journal).toContain('"typed":true');
  });

  it('without --yes and without a terminal, confirm accounts are not approved', async () => {
    const { io, out } = recordingIo();
    expect(await runCli(['run', '--practice', '--select', 'adele.vance@fabrikam', '--data-dir', dataDir], io)).toBe(1);
    expect(out.stdout).toContain('Not confirmed by the operator');
  });

  it('reads settings from the data directory (exclusion sets by name)', async () => {
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ exclusionSets: [{ name: 'Okta folks', tags: [], rules: [{ id: 'o', type: 'name-pattern', pattern: '*@fabrikam.example' }] }] }));
    const { io, out } = recordingIo();
    expect(await runCli(['run', '--practice', '--select', 'robbins', '--exclude-set', 'Okta folks', '--dry-run', '--data-dir', dataDir], io)).toBe(0);
    expect(out.stdout).toContain('Excluded by "Okta folks"');
    const bad = recordingIo();
    expect(await runCli(['run', '--practice', '--select', 'robbins', '--exclude-set', 'Nope', '--dry-run', '--data-dir', dataDir], bad.io)).toBe(1);
    expect(bad.out.stderr).toContain('No saved exclusion set is called "Nope"');
  });

  it('prints CSV problems with line numbers', async () => {
    const csv = path.join(dataDir, 'in.csv');
    await writeFile(csv, '\uFEFFdirectory;login\nokta;ghost@fabrikam.example\nokta;"unterminated\n');
    const { io, out } = recordingIo();
    expect(await runCli(['run', '--practice', '--csv', csv, '--dry-run', '--data-dir', dataDir], io)).toBe(0);
    expect(out.stderr).toContain('line 2: unknown-account');
    expect(out.stderr).toContain('line 3: malformed');
  });

  it('resume with nothing unfinished says so', async () => {
    const { io, out } = recordingIo();
    expect(await runCli(['resume', '--data-dir', dataDir], io)).toBe(0);
    expect(out.stdout).toBe('No unfinished runs.\n');
  });
});

describe('progress printer', () => {
  const events = [
    { type: 'run-started', runId: 'r', total: 2, at: 'now' },
    { type: 'account-started', runId: 'r', key: 'k1', login: 'a@x', directoryId: 'd', at: 'now' },
    { type: 'progress', runId: 'r', counts: { total: 2, pending: 1, inFlight: 1, applied: 0, failed: 0, cancelled: 0, nothingToDo: 0 }, throughputPerSecond: 0, etaMs: null, at: 'now' },
    { type: 'account-finished', runId: 'r', key: 'k1', login: 'a@x', outcome: 'applied', at: 'now' },
    { type: 'account-finished', runId: 'r', key: 'k2', login: 'b@x', outcome: 'failed', at: 'now' },
    { type: 'run-finished', runId: 'r', finalStates: {}, cancelled: false, at: 'now' },
  ] as const;

  it('plain lines when not a terminal', () => {
    let text = '';
    const printer = new ProgressPrinter({ write: (t) => void (text += t), isTTY: false });
    for (const e of events) printer.handle(e);
    expect(text).not.toContain('\r');
    expect(text.split('\n').filter(Boolean)).toEqual(['Run r: 2 accounts to reset.', '[1/2] applied       a@x', '[2/2] failed        b@x']);
  });

  it('one updating line on a terminal, failures kept above it', () => {
    let text = '';
    const printer = new ProgressPrinter({ write: (t) => void (text += t), isTTY: true });
    for (const e of events) printer.handle(e);
    expect(text).toContain('\r\x1b[2K0/2 · applied 0 · failed 0 · cancelled 0 · 0/s · a@x');
    expect(text).toContain('[2/2] failed        b@x\n');
    expect(text).not.toContain('[1/2] applied');
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });
});
