// The Rekey flow as one application service, used by the CLI and (through the
// IPC handlers) by the console: select -> exclude -> plan -> approve -> run ->
// verify -> record, plus resume, verify again, reports and the timeline.
// No formatting for any particular front end lives here.
import { defaultResetOptions, type Plan, type ResetOptions, type VerifyResult } from '../core/domain';
import type { JournalVerification } from '../core/journal';
import { buildPlan } from '../core/plan';
import type { ApprovalAnswer } from '../core/policy';
import type { RunReport } from '../core/report';
import type { RunState } from '../core/run-state';
import type { Selection, SelectionOptions } from '../core/selection';
import type { TimelineEntry } from '../core/timeline';
import { defaultId, nowIso, type FlowContext } from './context';
import type { RunOutcome } from './finish';
import { resumeRun } from './resume';
import { executePlan, type RunControls } from './run';
import { activityTimeline, checkRunJournal, listRuns, readRun, runReport, unfinishedRuns, verifyAgain, type RunListing, type RunSummary } from './runs';
import { select, type SelectRequest } from './select';

export interface PlanRequest {
  selection: Selection;
  /** Names of saved exclusion sets to apply (never-touch rules of every set always apply). */
  exclusionSets?: string[];
  options?: Partial<ResetOptions>;
}

export interface DirectorySummary {
  id: string;
  kind: string;
  displayName: string;
}

export interface RekeyFlow {
  directories(): Promise<DirectorySummary[]>;
  select(request: SelectRequest, options?: SelectionOptions): Promise<Selection>;
  /** The dry run: an immutable plan. Nothing is written anywhere. */
  plan(request: PlanRequest): Promise<Plan>;
  /** Run a plan with the operator's answers (key -> confirmed / typed name). */
  run(plan: Plan, answers: ReadonlyMap<string, ApprovalAnswer>, controls?: RunControls): Promise<RunOutcome>;
  /** Runs without an end record: offered for resume at start-up. */
  unfinishedRuns(): Promise<RunSummary[]>;
  resume(runId: string, controls?: RunControls): Promise<RunOutcome>;
  verifyAgain(runId: string, keys?: readonly string[], controls?: RunControls): Promise<VerifyResult[]>;
  listRuns(): Promise<RunListing[]>;
  readRun(runId: string): Promise<RunState>;
  report(runId: string): Promise<RunReport>;
  checkJournal(runId: string): Promise<JournalVerification>;
  timeline(): Promise<TimelineEntry[]>;
}

export function createRekeyFlow(context: FlowContext): RekeyFlow {
  // One writer per journal: a run being executed, resumed or re-verified is
  // locked in this process so two appends never interleave and break the chain.
  const busy = new Set<string>();
  const exclusive = async <T>(runId: string, work: () => Promise<T>): Promise<T> => {
    if (busy.has(runId)) throw new Error(`Run ${runId} is in progress; wait for it to finish.`);
    busy.add(runId);
    try {
      return await work();
    } finally {
      busy.delete(runId);
    }
  };

  return {
    async directories() {
      return (await context.directories()).map((d) => ({ id: d.id, kind: d.kind, displayName: d.displayName }));
    },

    async select(request, options) {
      return select(await context.directories(), request, options);
    },

    async plan(request) {
      const settings = context.settings.get();
      const directories = await context.directories();
      const used = new Set(request.selection.accounts.map((a) => a.directoryId));
      return buildPlan({
        id: defaultId(context, 'plan'),
        createdAt: nowIso(context),
        createdBy: context.operator,
        selection: request.selection,
        directories: directories.filter((d) => used.has(d.id)),
        options: { ...defaultResetOptions, ...request.options },
        savedSets: settings.exclusionSets,
        chosenSets: request.exclusionSets ?? [],
        approvalRules: settings.approvalRules,
      });
    },

    run(plan, answers, controls = {}) {
      let runId: string | null = null;
      const release = () => {
        if (runId) busy.delete(runId);
      };
      return executePlan(context, plan, answers, {
        ...controls,
        onRunStarted: (id) => {
          runId = id;
          busy.add(id);
          controls.onRunStarted?.(id);
        },
      }).finally(release);
    },

    unfinishedRuns: () => unfinishedRuns(context),
    resume: (runId, controls) => exclusive(runId, () => resumeRun(context, runId, controls)),
    verifyAgain: (runId, keys, controls) => exclusive(runId, () => verifyAgain(context, runId, keys, controls)),
    listRuns: () => listRuns(context),
    readRun: (runId) => readRun(context, runId),
    report: (runId) => runReport(context, runId),
    checkJournal: (runId) => checkRunJournal(context, runId),
    timeline: () => activityTimeline(context),
  };
}

export type { RunOutcome } from './finish';
export type { RunControls } from './run';
export type { RunListing, RunSummary } from './runs';
export type { SelectRequest } from './select';
