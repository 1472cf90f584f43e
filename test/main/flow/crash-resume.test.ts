// The crash test: a run is killed with SIGKILL in a child process part-way
// through, then resumed from its journal. Every account must end in exactly
// one final state, with no account reported twice and none lost.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../main/core/journal';
import { finalStateOf } from '../../../main/core/run-state';
import { createRekeyFlow } from '../../../main/flow/service';
import { createSampleDirectories } from '../../../main/practice/sample-directory';
import { fileSampleState } from '../../../main/practice/sample-state-file';
import { nodeHasher } from '../../../main/storage/hasher';
import { JournalFileStore } from '../../../main/storage/journal-file';
import { memorySettingsStore } from '../../../main/storage/settings';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function countFinished(file: string): { finished: Set<string>; ended: boolean } {
  const finished = new Set<string>();
  let ended = false;
  if (!existsSync(file)) return { finished, ended };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.endsWith('}')) continue;
    const record = JSON.parse(line) as { type: string; data: { key?: string } };
    if (record.type === 'account-finished') finished.add(record.data.key!);
    if (record.type === 'run-ended') ended = true;
  }
  return { finished, ended };
}

describe('crash and resume', () => {
  it('a run killed mid-way resumes from its journal; each account ends exactly once', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rekey-crash-'));
    dirs.push(dataDir);
    // node --import tsx, not the tsx launcher: the launcher runs the script in a grandchild
    // that a SIGKILL to the launcher would leave running (and writing the journal).
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/main/flow/fixtures/crash-child.ts', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));

    // Wait until the journal shows some, but not all, accounts finished; then kill without warning.
    const runsDir = path.join(dataDir, 'runs');
    let file = '';
    let atKill = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      await new Promise((r) => setTimeout(r, 10));
      if (!file && existsSync(runsDir)) file = readdirSync(runsDir).map((f) => path.join(runsDir, f))[0] ?? '';
      if (!file) continue;
      const { finished, ended } = countFinished(file);
      expect(ended).toBe(false);
      if (finished.size >= 4) {
        child.kill('SIGKILL');
        break;
      }
    }
    expect(await exited, stderr).toBe('SIGKILL');
    atKill = countFinished(file).finished;
    const runId = path.basename(file, '.jsonl');

    // A new process (here: this one) with the same data directory and practice state.
    const journals = new JournalFileStore({ dataDir, hasher: nodeHasher });
    const directories = createSampleDirectories({ state: fileSampleState(path.join(dataDir, 'practice', 'state.json')) });
    const flow = createRekeyFlow({ directories: () => directories, settings: memorySettingsStore(), journals, hasher: nodeHasher, clock: { now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) }, operator: 'resumer', practice: true });
    const unfinished = await flow.unfinishedRuns();
    expect(unfinished.map((r) => r.runId)).toEqual([runId]);
    const plan = (await flow.readRun(runId)).plan;
    expect(atKill.size).toBeGreaterThanOrEqual(4);
    expect(atKill.size).toBeLessThan(plan.entries.length);

    const outcome = await flow.resume(runId);

    const text = readFileSync(file, 'utf8');
    expect(verifyJournal(text, nodeHasher)).toMatchObject({ ok: true, finished: true });
    const records = text.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; data: Record<string, unknown> });
    const finishedKeys = records.filter((r) => r.type === 'account-finished').map((r) => r.data.key as string);
    // No double report: one outcome per approved account, none lost.
    expect(finishedKeys.length).toBe(new Set(finishedKeys).size);
    expect(new Set(finishedKeys)).toEqual(new Set(plan.entries.map((e) => e.key)));
    const autoVerifies = records.filter((r) => r.type === 'verify' && r.data.manual === false).map((r) => r.data.key as string);
    expect(autoVerifies.length).toBe(new Set(autoVerifies).size);
    // Accounts finished before the kill were not run again.
    const resumed = records.find((r) => r.type === 'run-resumed')!.data as { rerun: string[]; alreadyApplied: string[] };
    for (const key of [...resumed.rerun, ...resumed.alreadyApplied]) expect(atKill.has(key)).toBe(false);
    expect(records.filter((r) => r.type === 'run-ended').length).toBe(1);

    // Exactly one final state per account, and every account with work ended verified.
    const run = await flow.readRun(runId);
    const states = [...run.accounts.values()].map((s) => finalStateOf(run, s));
    expect(states).not.toContain('pending');
    expect(states.length).toBe(plan.entries.length + plan.excluded.length);
    const withWork = plan.entries.filter((e) => e.steps.some((s) => s.applicable)).length;
    expect(outcome.finalStates.verified).toBe(withWork);
    expect(await flow.unfinishedRuns()).toEqual([]);
  }, 60_000);
});
