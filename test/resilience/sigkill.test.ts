// The main process killed with SIGKILL in the middle of a run against a real
// directory, then resumed by another process. The Okta stand-in lives in this
// test process (its state survives); the run happens in a child process that
// is killed without warning once some accounts have finished; a second child
// resumes from the journal. Every account must end in exactly one final state
// matching the stand-in, with the journal chain intact and nobody reported twice.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeHasher } from '../../main/storage/hasher';
import { JournalFileStore } from '../../main/storage/journal-file';
import { auditRun, trackEffects } from './harness/audit';
import { oktaEffects, resettableOktaUsers, signedInBeforeIncident, startOktaPractice } from './harness/okta';

const child = path.join('test', 'resilience', 'fixtures', 'okta-run-child.ts');
const cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** Start the child; resolves with its exit (signal name or code) and what it printed. */
function startChild(mode: 'run' | 'resume', configPath: string) {
  // node --import tsx, not the tsx launcher: a SIGKILL to the launcher would leave its grandchild running.
  const process_ = spawn(process.execPath, ['--import', 'tsx', child, mode, configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  process_.stdout.on('data', (chunk) => (output += chunk));
  process_.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<string | number | null>((resolve) => process_.on('exit', (code, signal) => resolve(signal ?? code)));
  return { process: process_, exited, output: () => output };
}

function finishedKeys(file: string): { finished: Set<string>; ended: boolean } {
  const finished = new Set<string>();
  let ended = false;
  if (!existsSync(file)) return { finished, ended };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.endsWith('}')) continue;
    const record = JSON.parse(line) as { type: string; data: { key?: string } };
    if (record.type === 'account-finished') finished.add(record.data.key as string);
    if (record.type === 'run-ended') ended = true;
  }
  return { finished, ended };
}

describe('SIGKILL mid-run, then resume, against the Okta stand-in', () => {
  it('each account ends exactly once, matching the stand-in; nothing finished before the kill runs again', async () => {
    const practice = await startOktaPractice({ users: 200 });
    cleanup.push(() => practice.close());
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rekey-sigkill-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const accounts = await resettableOktaUsers(practice.directory, 40);
    expect(accounts).toHaveLength(40);
    signedInBeforeIncident(practice.standIn, accounts);
    const effects = trackEffects(accounts, oktaEffects(practice.standIn));
    // Every request takes 120 ms: the run lasts several seconds.
    practice.standIn.faults.latencyMs = 120;

    const configPath = path.join(dataDir, 'child.json');
    const config = {
      dataDir,
      url: practice.standIn.url,
      clientId: practice.connection.auth.mode === 'private-key' ? practice.connection.auth.clientId : '',
      keyId: practice.connection.auth.mode === 'private-key' ? practice.connection.auth.keyId : '',
      privateKeyPem: practice.key.privateKeyPem,
      accountIds: accounts.map((a) => a.id),
    };
    await writeFile(configPath, JSON.stringify(config), { mode: 0o600 });

    const first = startChild('run', configPath);
    const runsDir = path.join(dataDir, 'runs');
    let file = '';
    for (let i = 0; i < 3000; i++) {
      await new Promise((r) => setTimeout(r, 20));
      if (!file && existsSync(runsDir)) file = readdirSync(runsDir).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(runsDir, f))[0] ?? '';
      if (!file) continue;
      const { finished, ended } = finishedKeys(file);
      expect(ended).toBe(false);
      if (finished.size >= 10) {
        first.process.kill('SIGKILL');
        break;
      }
    }
    expect(await first.exited, first.output()).toBe('SIGKILL');
    const atKill = finishedKeys(file).finished;
    expect(atKill.size).toBeGreaterThanOrEqual(10);
    expect(atKill.size).toBeLessThan(40);
    const runId = path.basename(file, '.jsonl');

    await writeFile(configPath, JSON.stringify({ ...config, runId }), { mode: 0o600 });
    const second = startChild('resume', configPath);
    expect(await second.exited, second.output()).toBe(0);

    const journals = new JournalFileStore({ dataDir, hasher: nodeHasher });
    const audit = await auditRun({ journals, runId, effects });
    expect(audit.problems).toEqual([]);
    expect(audit.lost).toBe(0);
    expect(audit.counts).toEqual({ verified: 40 });
    // Accounts finished before the kill were not run again.
    const resumed = audit.run.resumes[0];
    expect(resumed).toBeDefined();
    for (const key of [...(resumed?.rerun ?? []), ...(resumed?.alreadyApplied ?? [])]) expect(atKill.has(key)).toBe(false);
    expect(audit.run.resumes).toHaveLength(1);
  }, 120_000);
});
