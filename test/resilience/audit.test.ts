// The audit every resilience case ends with must be able to say no: a stand-in
// that disagrees with the journal, an account reported twice, a broken chain
// and a run without its end are each caught. (A check that cannot fail proves
// nothing about the cases that pass it.)
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { collectAccounts, type RunEvent } from '../../main/core/domain';
import { auditRun, trackEffects } from './harness/audit';
import { fileFlow, planAndRun, selectionOf } from './harness/flow';
import { hostSeed, startWindowsPractice, userNames, windowsEffects } from './harness/windows';

async function finishedRun() {
  const practice = await startWindowsPractice({ hosts: [hostSeed('PARIS-FS01', 'S-1-5-21-2875460203-1234419751-3219874415', userNames('paris', 12))] });
  const accounts = (await collectAccounts(practice.directory, {})).filter((a) => (a.attributes.rid ?? 0) >= 1000);
  const effects = trackEffects(accounts, windowsEffects(practice.network));
  const flow = await fileFlow({ directories: [practice.directory] });
  const run = await planAndRun(flow.flow, selectionOf(accounts));
  const file = flow.journals.pathOf(run.runId);
  const audit = () => auditRun({ journals: flow.journals, runId: run.runId, effects, events: run.events, failedMeansUnchanged: true });
  return { practice, accounts, flow, run, file, audit, dispose: async () => (await flow.dispose(), await practice.dispose()) };
}

describe('the resilience audit', () => {
  it('passes a clean run, and catches a stand-in that no longer holds what the journal says', async () => {
    const fixture = await finishedRun();
    try {
      expect((await fixture.audit()).problems).toEqual([]);
      const sam = fixture.practice.network.resolve('PARIS-FS01')!.sam;
      sam.findBySid(fixture.accounts[3]!.id)!.passwordLastSet = Date.now();
      const problems = (await fixture.audit()).problems;
      expect(problems).toEqual([
        'paris0003 (verified): force-change is journaled done but the stand-in does not show it',
        'paris0003 (verified): verified, but the stand-in does not show force-change',
      ]);
    } finally {
      await fixture.dispose();
    }
  });

  it('catches an account reported twice, to the console or in the journal', async () => {
    const fixture = await finishedRun();
    try {
      const twice = fixture.run.events.find((e): e is Extract<RunEvent, { type: 'account-finished' }> => e.type === 'account-finished')!;
      fixture.run.events.push(twice);
      expect((await fixture.audit()).problems).toEqual([`${twice.key} was reported finished twice to the console`]);
    } finally {
      await fixture.dispose();
    }
  });

  it('catches an edited journal and a journal without its end', async () => {
    const fixture = await finishedRun();
    try {
      const text = await readFile(fixture.file, 'utf8');
      await writeFile(fixture.file, text.replace('"outcome":"applied"', '"outcome":"failed"'));
      expect((await fixture.audit()).problems[0]).toMatch(/^journal chain broken at line \d+: its content does not match its hash/);
      const lines = text.trimEnd().split('\n');
      await writeFile(fixture.file, `${lines.slice(0, -1).join('\n')}\n`);
      const unfinished = await fixture.audit();
      expect(unfinished.problems).toContain('the journal has no run-ended record');
      await appendFile(fixture.file, 'not a record');
      expect((await fixture.audit()).problems[0]).toMatch(/^journal chain broken at line \d+: the last record is incomplete/);
    } finally {
      await fixture.dispose();
    }
  });
});
