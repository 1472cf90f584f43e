// A run as the screen shows it, built from the run.event stream: one row per
// planned account with its status, step results, retries and verification,
// plus counts overall and per directory. Pure functions over plain data.
//
// Events can arrive in any order relative to each other (batches of different
// directories interleave, a late progress event can follow a verification), so
// a row's status only moves forward through the phases below, and every count
// is kept as "rows per status", adjusted on each change: counts can never
// drift from the rows whatever the interleaving.
import type { PlanDto, RunEventDto, RunView } from '../../../preload/contract';
import { accountLabel } from './plan-view';

export type RowStatus =
  | 'not-approved'
  | 'blocked'
  | 'pending'
  | 'running'
  | 'retrying'
  | 'done'
  | 'failed'
  | 'cancelled'
  | 'nothing-to-do'
  | 'verified'
  | 'not-verified'
  | 'could-not-verify';

export const rowStatuses: readonly RowStatus[] = [
  'not-approved',
  'blocked',
  'pending',
  'running',
  'retrying',
  'done',
  'failed',
  'cancelled',
  'nothing-to-do',
  'verified',
  'not-verified',
  'could-not-verify',
];

/** Phase of each status; an event may only keep a row in its phase or move it later. */
const phase: Record<RowStatus, number> = {
  'not-approved': -1, // decided before the run; an event for the account (never expected) would still win
  blocked: -1,
  pending: 0,
  running: 1,
  retrying: 2,
  done: 3,
  failed: 3,
  cancelled: 3,
  'nothing-to-do': 3,
  verified: 4,
  'not-verified': 4,
  'could-not-verify': 4,
};

/** Statuses of accounts the run has finished with (applied or not). */
export function isFinished(status: RowStatus): boolean {
  return phase[status] >= 3;
}

/** Statuses of accounts that take part in the run (approved). */
export function isInRun(status: RowStatus): boolean {
  return phase[status] >= 0;
}

export type StepResultDto = RunView['accounts'][number]['steps'][number];
export type VerifyResultDto = NonNullable<RunView['accounts'][number]['verify']>;
export type AccountOutcome = Extract<RunEventDto, { type: 'account-finished' }>['outcome'];
export type VerifyOutcome = Extract<RunEventDto, { type: 'verify-finished' }>['outcome'];

export interface RetryNote {
  attempt: number;
  delayMs: number;
  reason: string;
  at: string;
}

export interface RunRow {
  key: string;
  label: string;
  displayName: string;
  directoryId: string;
  status: RowStatus;
  outcome: AccountOutcome | null;
  /** Final result of each step, in the order they finished. */
  steps: StepResultDto[];
  /** Transient failures that were retried (known once the journal is read back). */
  retries: StepResultDto[];
  /** Retries announced live while the run was going. */
  retryNotes: RetryNote[];
  verify: { outcome: VerifyOutcome; reasons: string[]; state: VerifyResultDto['state'] | null } | null;
  /** Why the account is where it is (approval refusal, failure, verification), when known. */
  reason: string;
}

export type StatusCounts = Record<RowStatus, number>;

export interface RunModel {
  runId: string | null;
  planId: string;
  /** Row keys in plan order. */
  order: string[];
  rows: Record<string, RunRow>;
  counts: StatusCounts;
  byDirectory: Record<string, StatusCounts>;
  directoryNames: Record<string, string>;
  /** Accounts the run executes, as run-started announced; null until then. */
  total: number | null;
  throughputPerSecond: number | null;
  etaMs: number | null;
  startedAt: string | null;
  finished: { finalStates: Partial<Record<string, number>>; cancelled: boolean; at: string } | null;
}

export function zeroCounts(): StatusCounts {
  return Object.fromEntries(rowStatuses.map((status) => [status, 0])) as StatusCounts;
}

function emptyModel(plan: PlanDto, runId: string | null): RunModel {
  return {
    runId,
    planId: plan.id,
    order: [],
    rows: {},
    counts: zeroCounts(),
    byDirectory: {},
    directoryNames: Object.fromEntries(plan.directories.map((d) => [d.id, d.displayName])),
    total: null,
    throughputPerSecond: null,
    etaMs: null,
    startedAt: null,
    finished: null,
  };
}

function addRow(model: RunModel, row: RunRow): void {
  model.order.push(row.key);
  model.rows[row.key] = row;
  model.counts[row.status]++;
  const directory = (model.byDirectory[row.directoryId] ??= zeroCounts());
  directory[row.status]++;
}

/** The rows before any event: approved accounts pending, the rest as the approvals left them. */
export function initialRunModel(plan: PlanDto, statusOf: (key: string) => 'pending' | 'not-approved' | 'blocked', reasonOf: (key: string) => string = () => ''): RunModel {
  const model = emptyModel(plan, null);
  for (const entry of plan.entries) {
    addRow(model, {
      key: entry.key,
      label: accountLabel(entry.account),
      displayName: entry.account.displayName,
      directoryId: entry.account.directoryId,
      status: statusOf(entry.key),
      outcome: null,
      steps: [],
      retries: [],
      retryNotes: [],
      verify: null,
      reason: reasonOf(entry.key),
    });
  }
  return model;
}

/** The run as the journal has it (run.view): the authoritative final states. */
export function modelFromView(view: RunView): RunModel {
  const model = emptyModel(view.plan, view.summary.runId);
  model.startedAt = view.summary.startedAt;
  const byKey = new Map(view.accounts.map((account) => [account.key, account]));
  const entries = new Map(view.plan.entries.map((entry) => [entry.key, entry]));
  // Plan order first; anything the journal holds beyond the plan after it, so nothing is hidden.
  const keys = [...entries.keys(), ...view.accounts.map((account) => account.key).filter((key) => !entries.has(key))];
  for (const key of keys) {
    const account = byKey.get(key);
    if (!account || account.state === 'excluded') continue;
    const entry = entries.get(key);
    addRow(model, {
      key,
      label: entry ? accountLabel(entry.account) : account.login,
      displayName: account.displayName,
      directoryId: account.directoryId,
      status: account.state,
      outcome: null,
      steps: account.steps,
      retries: account.retries,
      retryNotes: [],
      verify: account.verify ? { outcome: account.verify.outcome, reasons: account.verify.reasons, state: account.verify.state } : null,
      reason: account.reason,
    });
  }
  model.total = model.order.filter((key) => isInRun(model.rows[key]!.status)).length;
  if (view.summary.status !== 'unfinished') {
    const { pending: _pending, ...finalStates } = view.summary.finalStates;
    model.finished = { finalStates, cancelled: view.summary.status === 'cancelled', at: view.summary.lastAt };
  }
  return model;
}

/**
 * Apply events to a model, returning a new model that shares every unchanged
 * row with the old one (so rows that did not change do not re-render).
 * Events of other runs are ignored.
 */
export function applyRunEvents(model: RunModel, events: readonly RunEventDto[]): RunModel {
  const relevant = events.filter((event) => event.runId === model.runId);
  if (relevant.length === 0) return model;
  const next: RunModel = { ...model, rows: { ...model.rows }, counts: { ...model.counts }, byDirectory: { ...model.byDirectory }, order: model.order };
  const copiedDirectories = new Set<string>();
  let orderCopied = false;

  const change = (key: string, update: (row: RunRow) => RunRow) => {
    const before = next.rows[key];
    if (!before) return;
    const after = update(before);
    if (after === before) return;
    next.rows[key] = after;
    if (after.status !== before.status) {
      next.counts[before.status]--;
      next.counts[after.status]++;
      if (!copiedDirectories.has(before.directoryId)) {
        next.byDirectory[before.directoryId] = { ...(next.byDirectory[before.directoryId] ?? zeroCounts()) };
        copiedDirectories.add(before.directoryId);
      }
      const directory = next.byDirectory[before.directoryId]!;
      directory[before.status]--;
      directory[after.status]++;
    }
  };
  /** An account the plan did not list (a resumed run's view may be missing): add it so nothing is hidden. */
  const ensure = (key: string, login: string, directoryId: string) => {
    if (next.rows[key]) return;
    if (!orderCopied) {
      next.order = [...next.order];
      orderCopied = true;
    }
    next.order.push(key);
    next.rows[key] = { key, label: login, displayName: '', directoryId, status: 'pending', outcome: null, steps: [], retries: [], retryNotes: [], verify: null, reason: '' };
    next.counts.pending++;
    if (!copiedDirectories.has(directoryId)) {
      next.byDirectory[directoryId] = { ...(next.byDirectory[directoryId] ?? zeroCounts()) };
      copiedDirectories.add(directoryId);
    }
    next.byDirectory[directoryId]!.pending++;
  };
  const moveTo = (row: RunRow, status: RowStatus): RowStatus => (phase[status] >= phase[row.status] ? status : row.status);
  const directoryOfKey = (key: string) => key.split('|')[0] ?? '';

  for (const event of relevant) {
    switch (event.type) {
      case 'run-started':
        next.total = event.total;
        next.startedAt ??= event.at;
        break;
      case 'account-started':
        ensure(event.key, event.login, event.directoryId);
        change(event.key, (row) => {
          const status = moveTo(row, 'running');
          return status === row.status ? row : { ...row, status };
        });
        break;
      case 'retry-scheduled':
        for (const key of event.keys) {
          change(key, (row) => ({
            ...row,
            status: moveTo(row, 'retrying'),
            retryNotes: [...row.retryNotes, { attempt: event.attempt, delayMs: event.delayMs, reason: event.reason, at: event.at }],
          }));
        }
        break;
      case 'step-finished':
        ensure(event.key, event.login, directoryOfKey(event.key));
        change(event.key, (row) => ({ ...row, steps: [...row.steps.filter((step) => step.step !== event.result.step), event.result] }));
        break;
      case 'account-finished': {
        ensure(event.key, event.login, directoryOfKey(event.key));
        const status: RowStatus = event.outcome === 'applied' ? 'done' : event.outcome;
        change(event.key, (row) => ({ ...row, outcome: event.outcome, status: moveTo(row, status) }));
        break;
      }
      case 'verify-finished':
        ensure(event.key, event.login, directoryOfKey(event.key));
        // A later verification (verify again) replaces an earlier one.
        change(event.key, (row) => ({
          ...row,
          status: moveTo(row, event.outcome),
          verify: { outcome: event.outcome, reasons: event.reasons, state: row.verify?.state ?? null },
        }));
        break;
      case 'progress':
        next.throughputPerSecond = event.throughputPerSecond;
        next.etaMs = event.etaMs;
        break;
      case 'run-finished':
        next.finished = { finalStates: event.finalStates, cancelled: event.cancelled, at: event.at };
        next.etaMs = 0;
        break;
    }
  }
  return next;
}

/** Results of "verify again": the same transition as a verify-finished event, with the state read. */
export function applyVerifyResults(model: RunModel, results: readonly VerifyResultDto[]): RunModel {
  const events: RunEventDto[] = results.map((result) => ({
    type: 'verify-finished',
    runId: model.runId ?? '',
    key: result.key,
    login: model.rows[result.key]?.label ?? result.key,
    outcome: result.outcome,
    reasons: result.reasons,
    at: result.state.checkedAt,
  }));
  const next = applyRunEvents(model, events);
  for (const result of results) {
    const row = next.rows[result.key];
    if (row?.verify) next.rows[result.key] = { ...row, verify: { ...row.verify, state: result.state } };
  }
  return next;
}

export interface RunTotals {
  /** Accounts the run executes. */
  total: number;
  /** Of those, finished (applied, failed, cancelled, nothing to do, or verified either way). */
  finished: number;
  running: number;
  failed: number;
  verified: number;
  notVerified: number;
  couldNotVerify: number;
  /** Finished accounts still waiting for their verification. */
  awaitingVerification: number;
}

export function runTotals(counts: StatusCounts, announcedTotal: number | null = null): RunTotals {
  const inRun = rowStatuses.filter(isInRun).reduce((sum, status) => sum + counts[status], 0);
  const finished = rowStatuses.filter(isFinished).reduce((sum, status) => sum + counts[status], 0);
  return {
    total: Math.max(announcedTotal ?? 0, inRun),
    finished,
    running: counts.running + counts.retrying,
    failed: counts.failed,
    verified: counts.verified,
    notVerified: counts['not-verified'],
    couldNotVerify: counts['could-not-verify'],
    awaitingVerification: counts.done,
  };
}

/** Where the run is: what the progress area says. */
export type RunPhase = 'starting' | 'running' | 'verifying' | 'finished';

export function runPhase(model: RunModel): RunPhase {
  if (model.finished) return 'finished';
  if (model.total === null) return 'starting';
  const totals = runTotals(model.counts, model.total);
  return totals.finished >= totals.total ? 'verifying' : 'running';
}

/** Keys of rows a "verify again" can help: applied but not (yet) verified. */
export function reverifiableKeys(model: RunModel): string[] {
  return model.order.filter((key) => {
    const status = model.rows[key]?.status;
    return status === 'not-verified' || status === 'could-not-verify';
  });
}

export type RunRowFilter = 'all' | 'problems' | 'in-progress' | 'verified';

export const runRowFilterLabels: Record<RunRowFilter, string> = {
  all: 'All',
  problems: 'Problems',
  'in-progress': 'In progress',
  verified: 'Verified',
};

const filterStatuses: Record<Exclude<RunRowFilter, 'all'>, ReadonlySet<RowStatus>> = {
  problems: new Set<RowStatus>(['failed', 'not-verified', 'could-not-verify', 'cancelled']),
  'in-progress': new Set<RowStatus>(['pending', 'running', 'retrying', 'done']),
  verified: new Set<RowStatus>(['verified']),
};

/** Row keys shown under a filter and search (label or display name, case-insensitive), in plan order. */
export function visibleRunRows(model: RunModel, filter: RunRowFilter, search: string): string[] {
  const needle = search.trim().toLowerCase();
  if (filter === 'all' && needle === '') return model.order;
  const statuses = filter === 'all' ? null : filterStatuses[filter];
  return model.order.filter((key) => {
    const row = model.rows[key];
    if (!row) return false;
    if (statuses && !statuses.has(row.status)) return false;
    return needle === '' || row.label.toLowerCase().includes(needle) || row.displayName.toLowerCase().includes(needle);
  });
}
