// The end of a run (fresh or resumed): verify every touched account not yet
// verified, record cancellation, write the end record, and summarise — all
// from the journal, the run's single source of truth.
import type { Directory, FinalState, ResetOptions, RunEvent } from '../core/domain';
import { runEngine, type RunWork } from '../core/engine';
import type { OpenRunJournal } from '../core/run-records';
import { buildRunReport, type RunReport } from '../core/report';
import { finalStateCounts, replayRun, unverifiedAccounts, type RunState } from '../core/run-state';
import { nowIso, type FlowContext } from './context';
import type { RunControls } from './run';
import { verifyTargets } from './verify-accounts';

export interface RunOutcome {
  runId: string;
  cancelled: boolean;
  finalStates: Partial<Record<FinalState, number>>;
  /** True only when every planned (not excluded) account ended verified. */
  allVerified: boolean;
  report: RunReport;
}

export function outcomeOfRun(run: RunState): RunOutcome {
  const counts = finalStateCounts(run);
  const { pending: _pending, ...finalStates } = counts;
  const planned = run.plan.entries.length;
  return {
    runId: run.runId,
    cancelled: run.ended?.cancelled ?? false,
    finalStates,
    allVerified: planned > 0 && (counts.verified ?? 0) === planned,
    report: buildRunReport(run),
  };
}

export interface FinishInput {
  runId: string;
  journal: OpenRunJournal;
  directories: ReadonlyMap<string, Directory>;
  cancelled: boolean;
  cancelReason?: string;
  onEvent?: (event: RunEvent) => void;
  signal?: AbortSignal;
}

export async function finishRun(context: FlowContext, input: FinishInput): Promise<RunOutcome> {
  let run = replayRun(await context.journals.read(input.runId));
  const targets = unverifiedAccounts(run).flatMap((state) =>
    state.entry ? [{ key: state.key, account: state.entry.account, steps: [...state.steps.values()].map((s) => ({ step: s.step, status: s.status, startedAt: s.startedAt })) }] : [],
  );
  await verifyTargets(context, { runId: input.runId, targets, directories: input.directories, journal: input.journal, manual: false, onEvent: input.onEvent, signal: input.signal });
  if (input.cancelled) await input.journal.append([{ type: 'run-cancelled', data: { by: context.operator, reason: input.cancelReason ?? 'Cancelled by the operator.' } }]);
  run = replayRun(await context.journals.read(input.runId));
  const { pending: _pending, ...finalStates } = finalStateCounts({ ...run, ended: { at: nowIso(context), finalStates: {}, cancelled: input.cancelled } });
  await input.journal.append([{ type: 'run-ended', data: { finalStates, cancelled: input.cancelled } }]);
  run = replayRun(await context.journals.read(input.runId));
  input.onEvent?.({ type: 'run-finished', runId: input.runId, finalStates, cancelled: input.cancelled, at: nowIso(context) });
  return outcomeOfRun(run);
}

/** Execute the work of a run (fresh or resumed) through the engine, then finish it. */
export async function executeAndFinish(
  context: FlowContext,
  input: { runId: string; journal: OpenRunJournal; directories: ReadonlyMap<string, Directory>; work: RunWork[]; options: ResetOptions; controls: RunControls },
): Promise<RunOutcome> {
  const { runId, journal, directories, controls } = input;
  const engine = await runEngine({
    runId,
    work: input.work,
    directories,
    options: input.options,
    clock: context.clock,
    journal,
    signal: controls.signal,
    hardSignal: controls.hardSignal,
    onEvent: controls.onEvent,
    retry: context.retry,
    pacing: context.settings.get().pacing,
    random: context.random,
  });
  return finishRun(context, { runId, journal, directories, cancelled: engine.cancelled, onEvent: controls.onEvent, signal: controls.hardSignal });
}
