// Resume a run that has no end record (the process died). Unfinished
// accounts are re-read: those the directory shows as already reset are
// recorded as such (found on re-read), the others run again — every step is
// idempotent. Accounts that finished before the crash are not touched again,
// so each account ends with exactly one outcome.
import { accountLabel } from '../core/labels';
import type { DirectoryCapabilities, RunEvent, VerifiedState } from '../core/domain';
import type { RunWork } from '../core/engine';
import { applicableSteps } from '../core/plan';
import { decideResume } from '../core/resume';
import type { JournalEntry, StepOutcome } from '../core/run-records';
import { replayRun } from '../core/run-state';
import { directoryMap, nowIso, type FlowContext } from './context';
import { executeAndFinish, type RunOutcome } from './finish';
import type { RunControls } from './run';
import { readStates } from './verify-accounts';

const noCapabilities: DirectoryCapabilities = { forceChange: false, forceChangeWithMfa: false, endSessions: false, readsSessionRevocation: false, clearNeverExpires: false };

export async function resumeRun(context: FlowContext, runId: string, controls: RunControls = {}): Promise<RunOutcome> {
  const run = replayRun(await context.journals.read(runId));
  if (run.ended) throw new Error(`Run ${runId} already finished at ${run.ended.at}; there is nothing to resume.`);
  const directories = await directoryMap(context);
  const missing = run.plan.directories.filter((d) => !directories.has(d.id));
  if (missing.length > 0) throw new Error(`Connect ${missing.map((d) => d.displayName).join(', ')} before resuming run ${runId}.`);

  const journal = await context.journals.reopen(runId);
  try {
    controls.onRunStarted?.(runId);
    // A crash between the plan and the approvals leaves accounts without a recorded decision.
    // The operator's answers were never recorded, so they count as not approved.
    const undecided = run.plan.entries.filter((e) => !run.accounts.get(e.key)?.approval);
    if (undecided.length > 0) {
      await journal.append(
        undecided.map((e): JournalEntry => ({
          type: 'approval',
          data: { key: e.key, granted: false, state: 'not-approved', reason: 'The run stopped before this approval was recorded; plan and approve it again.', by: context.operator },
        })),
      );
    }
    const current = replayRun(await context.journals.read(runId));

    // Re-read every unfinished account that had started.
    const reads = new Map<string, VerifiedState>();
    const started = [...current.accounts.values()].filter((s) => s.entry && s.approval?.granted && s.outcome === undefined && s.startedAt);
    for (const directory of directories.values()) {
      const accounts = started.filter((s) => s.entry?.account.directoryId === directory.id).map((s) => s.entry!.account);
      if (accounts.length > 0) for (const [key, state] of await readStates(directory, accounts, context, controls.hardSignal)) reads.set(key, state);
    }
    const decision = decideResume(current, reads, (id) => directories.get(id)?.capabilities ?? noCapabilities, context.sessionSkewMs);

    const at = nowIso(context);
    const entries: JournalEntry[] = [{ type: 'run-resumed', data: { by: context.operator, alreadyApplied: decision.alreadyApplied.map((a) => a.state.key), rerun: decision.rerun.map((s) => s.key) } }];
    for (const { state, read } of decision.alreadyApplied) {
      for (const step of applicableSteps(state.entry!)) {
        const result: StepOutcome = {
          step,
          status: 'done',
          message: 'Already applied: found in effect when the interrupted run was resumed.',
          evidence: [...read.evidence, { kind: 'note', text: 'Established by re-reading the account on resume; the original answer was lost in the interruption.', at }],
          at,
          startedAt: state.startedAt ?? at,
          attempt: 0,
        };
        entries.push({ type: 'step', data: { key: state.key, result, final: true } });
      }
      entries.push({ type: 'account-finished', data: { key: state.key, outcome: 'applied', via: 'resume-reread' } });
    }
    await journal.append(entries);
    for (const { state } of decision.alreadyApplied) {
      controls.onEvent?.({ type: 'account-finished', runId, key: state.key, login: accountLabel(state.entry!.account), outcome: 'applied', at } satisfies RunEvent);
    }

    const work: RunWork[] = decision.rerun.map((s) => ({ key: s.key, account: s.entry!.account, steps: applicableSteps(s.entry!) }));
    return await executeAndFinish(context, { runId, journal, directories, work, options: current.plan.options, controls });
  } finally {
    await journal.close();
  }
}
