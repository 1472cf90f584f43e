// Past runs: list, read, report, timeline, and "verify again".
import type { VerifyResult } from '../core/domain';
import { buildRunReport, type RunReport } from '../core/report';
import { finalStateCounts, replayRun, wasTouched, type RunState } from '../core/run-state';
import { buildTimeline, type TimelineEntry } from '../core/timeline';
import { verifyJournal, type JournalVerification } from '../core/journal';
import { directoryMap, type FlowContext } from './context';
import type { RunControls } from './run';
import { verifyTargets } from './verify-accounts';

export interface RunSummary {
  runId: string;
  startedAt: string;
  lastAt: string;
  operator: string;
  practice: boolean;
  status: 'finished' | 'cancelled' | 'unfinished';
  planned: number;
  excluded: number;
  finalStates: ReturnType<typeof finalStateCounts>;
}

export type RunListing = RunSummary | { runId: string; error: string };

export function summarise(run: RunState): RunSummary {
  return {
    runId: run.runId,
    startedAt: run.startedAt,
    lastAt: run.lastAt,
    operator: run.operator,
    practice: run.practice,
    status: run.ended ? (run.ended.cancelled ? 'cancelled' : 'finished') : 'unfinished',
    planned: run.plan.summary.planned,
    excluded: run.plan.summary.excluded,
    finalStates: finalStateCounts(run),
  };
}

export async function readRun(context: FlowContext, runId: string): Promise<RunState> {
  return replayRun(await context.journals.read(runId));
}

/** Every run, oldest first; a journal that cannot be read is listed with the reason instead of hiding it. */
export async function listRuns(context: FlowContext): Promise<RunListing[]> {
  const ids = await context.journals.list();
  return Promise.all(
    ids.map(async (runId): Promise<RunListing> => {
      try {
        return summarise(await readRun(context, runId));
      } catch (error) {
        return { runId, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}

export async function unfinishedRuns(context: FlowContext): Promise<RunSummary[]> {
  return (await listRuns(context)).filter((r): r is RunSummary => !('error' in r) && r.status === 'unfinished');
}

export async function runReport(context: FlowContext, runId: string): Promise<RunReport> {
  return buildRunReport(await readRun(context, runId));
}

/** Check a run's hash chain on the exact stored text. */
export async function checkRunJournal(context: FlowContext, runId: string): Promise<JournalVerification> {
  const { journals } = context;
  return journals.verify ? journals.verify(runId) : verifyJournal(await journals.readText(runId), context.hasher);
}

export async function activityTimeline(context: FlowContext): Promise<TimelineEntry[]> {
  const runs: RunState[] = [];
  for (const runId of await context.journals.list()) {
    try {
      runs.push(await readRun(context, runId));
    } catch {
      // Listed with its error by listRuns; the timeline shows what can be read.
    }
  }
  return buildTimeline(runs);
}

/**
 * "Verify again": re-read touched accounts of a run (all, or the given keys)
 * and journal the new verdicts. Entra's session revocation can take minutes
 * to show, so a first "not verified" may turn into "verified" later.
 */
export async function verifyAgain(context: FlowContext, runId: string, keys: readonly string[] | undefined, controls: RunControls = {}): Promise<VerifyResult[]> {
  const run = await readRun(context, runId);
  const wanted = keys ? new Set(keys) : null;
  const targets = [...run.accounts.values()]
    .filter((s) => s.entry && wasTouched(s) && (!wanted || wanted.has(s.key)))
    .map((s) => ({ key: s.key, account: s.entry!.account, steps: [...s.steps.values()].map((r) => ({ step: r.step, status: r.status, startedAt: r.startedAt })) }));
  if (wanted) {
    const unknown = [...wanted].filter((key) => !targets.some((t) => t.key === key));
    if (unknown.length > 0) throw new Error(`Run ${runId} did not reset ${unknown.join(', ')}; only accounts it touched can be verified again.`);
  }
  const journal = await context.journals.reopen(runId);
  try {
    return await verifyTargets(context, { runId, targets, directories: await directoryMap(context), journal, manual: true, onEvent: controls.onEvent, signal: controls.hardSignal });
  } finally {
    await journal.close();
  }
}
