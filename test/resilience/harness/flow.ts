// The real flow (createRekeyFlow) with journals on disk in a temp directory:
// what the resilience cases and the benchmarks run. Only the directories
// change from case to case; selection, plan, approvals, engine, verify and
// the journal are the product's own.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultSettings } from '../../../preload/contract';
import type { Directory, Plan, ResetOptions, RunEvent } from '../../../main/core/domain';
import type { PacingSettings } from '../../../main/core/pacing';
import type { ApprovalAnswer } from '../../../main/core/policy';
import { systemClock, type Clock } from '../../../main/core/ports';
import type { RetryPolicy } from '../../../main/core/retry';
import type { Selection } from '../../../main/core/selection';
import { answersFor } from '../../../main/flow/approvals';
import { createRekeyFlow, type RekeyFlow, type RunControls, type RunOutcome } from '../../../main/flow/service';
import { nodeHasher } from '../../../main/storage/hasher';
import { JournalFileStore } from '../../../main/storage/journal-file';
import { memorySettingsStore } from '../../../main/storage/settings';

export interface FileFlow {
  flow: RekeyFlow;
  journals: JournalFileStore;
  dataDir: string;
  dispose(): Promise<void>;
}

export interface FileFlowOptions {
  directories: Directory[] | (() => Directory[]);
  clock?: Clock;
  retry?: RetryPolicy;
  pacing?: Partial<PacingSettings>;
  operator?: string;
  /** Reuse a data directory (a resumed run); default: a fresh temp directory, removed by dispose(). */
  dataDir?: string;
}

export async function fileFlow(options: FileFlowOptions): Promise<FileFlow> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'rekey-resilience-')));
  const clock = options.clock ?? systemClock;
  const journals = new JournalFileStore({ dataDir, hasher: nodeHasher, clock });
  const settings = memorySettingsStore({ ...structuredClone(defaultSettings), pacing: { ...defaultSettings.pacing, ...options.pacing } });
  const directories = options.directories;
  const flow = createRekeyFlow({
    directories: () => (typeof directories === 'function' ? directories() : directories),
    settings,
    journals,
    hasher: nodeHasher,
    clock,
    operator: options.operator ?? 'resilience',
    practice: true,
    ...(options.retry ? { retry: options.retry } : {}),
  });
  return {
    flow,
    journals,
    dataDir,
    dispose: async () => {
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The answers an operator gives when approving everything: confirm all, type every name that needs typing. */
export function approveEverything(plan: Plan): Map<string, ApprovalAnswer> {
  const typed = plan.entries.filter((e) => e.approval.decision === 'typed-confirm').map((e) => e.account.login);
  return answersFor(plan, { confirmAll: true, typedNames: typed });
}

export interface RecordedRun {
  plan: Plan;
  runId: string;
  outcome: RunOutcome;
  events: RunEvent[];
  /** performance.now() when each event arrived (parallel to events). */
  times: number[];
}

/** Plan a selection and run it with every account approved, recording the live events. */
export async function planAndRun(
  flow: RekeyFlow,
  selection: Selection,
  options: { reset?: Partial<ResetOptions>; controls?: RunControls; onEvent?: (event: RunEvent) => void } = {},
): Promise<RecordedRun> {
  const plan = await flow.plan({ selection, ...(options.reset ? { options: options.reset } : {}) });
  const events: RunEvent[] = [];
  const times: number[] = [];
  let runId = '';
  const outcome = await flow.run(plan, approveEverything(plan), {
    ...options.controls,
    onRunStarted: (id) => {
      runId = id;
      options.controls?.onRunStarted?.(id);
    },
    onEvent: (event) => {
      events.push(event);
      times.push(performance.now());
      options.onEvent?.(event);
      options.controls?.onEvent?.(event);
    },
  });
  return { plan, runId, outcome, events, times };
}

/** A selection of exactly these accounts (what a CSV import or a grid selection produces). */
export function selectionOf(accounts: Selection['accounts'], description = 'accounts chosen by the test'): Selection {
  return { accounts, problems: [], description };
}
