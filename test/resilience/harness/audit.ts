// What every resilience case must end with, checked against the journal on
// disk and against the stand-in's own state (read directly, not through the
// API Rekey used):
//   - the journal's hash chain is intact and the run has exactly one end record;
//   - every account has exactly one final state (none pending, none lost);
//   - no account was reported twice (journal records and live events alike);
//   - the final state matches what the stand-in really holds: a step journaled
//     "done" took effect there, a "verified" account has every planned effect,
//     and an account the run did not change (refused, excluded, failed before
//     anything was sent) was not changed.
import type { Account, FinalState, JournalRecord, RunEvent, StepKind } from '../../../main/core/domain';
import type { AccountFinishedData, StepData, VerifyData } from '../../../main/core/run-records';
import { finalStateOf, replayRun, type RunState } from '../../../main/core/run-state';
import { applicableSteps } from '../../../main/core/plan';
import type { JournalFileStore } from '../../../main/storage/journal-file';

/** Does the stand-in show this step's effect on this account? */
export type EffectReader = (account: Account, step: StepKind) => boolean;

/** The stand-in's effects now, and as they were before the run (an account may have been flagged already). */
export interface Effects {
  holds: EffectReader;
  before: EffectReader;
}

/** Remember which effects already held for these accounts, so "changed by the run" can be told from "already so". */
export function trackEffects(accounts: readonly Account[], holds: EffectReader): Effects {
  const steps: StepKind[] = ['clear-never-expires', 'force-change', 'end-sessions'];
  const baseline = new Set<string>();
  for (const account of accounts) for (const step of steps) if (holds(account, step)) baseline.add(`${account.directoryId}|${account.id}#${step}`);
  return { holds, before: (account, step) => baseline.has(`${account.directoryId}|${account.id}#${step}`) };
}

export interface AuditOptions {
  journals: JournalFileStore;
  runId: string;
  effects: Effects;
  /** Live events of the run (when it ran in this process, without a crash). */
  events?: readonly RunEvent[];
  /**
   * Steps that failed or were cancelled must have left the account unchanged.
   * True where the injected fault stops a request before the stand-in acts on it.
   */
  failedMeansUnchanged?: boolean;
}

export interface RunAudit {
  problems: string[];
  run: RunState;
  finalStates: Map<string, FinalState | 'pending'>;
  counts: Partial<Record<FinalState | 'pending', number>>;
  /** Planned accounts whose final state is missing or that were reported more than once. */
  lost: number;
}

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const key of keys) (seen.has(key) ? twice : seen).add(key);
  return [...twice];
}

export async function auditRun(options: AuditOptions): Promise<RunAudit> {
  const problems: string[] = [];
  const chain = await options.journals.verify(options.runId);
  if (!chain.ok) problems.push(`journal chain broken at line ${chain.line}: ${chain.problem}`);
  else if (!chain.finished) problems.push('the journal has no run-ended record');

  const records: JournalRecord[] = await options.journals.read(options.runId);
  const run = replayRun(records);
  const ends = records.filter((r) => r.type === 'run-ended').length;
  if (ends !== 1) problems.push(`expected one run-ended record, found ${ends}`);

  const finishedKeys = records.filter((r) => r.type === 'account-finished').map((r) => (r.data as AccountFinishedData).key);
  for (const key of duplicates(finishedKeys)) problems.push(`${key} has more than one account-finished record`);
  const autoVerified = records.filter((r) => r.type === 'verify' && !(r.data as VerifyData).manual).map((r) => (r.data as VerifyData).key);
  for (const key of duplicates(autoVerified)) problems.push(`${key} was verified more than once by the run`);
  const finalSteps = records
    .filter((r) => r.type === 'step' && (r.data as StepData).final)
    .map((r) => `${(r.data as StepData).key}#${(r.data as StepData).result.step}`);
  for (const key of duplicates(finalSteps)) problems.push(`${key} has more than one final step result`);

  if (options.events) {
    const reported = options.events.filter((e): e is Extract<RunEvent, { type: 'account-finished' }> => e.type === 'account-finished').map((e) => e.key);
    for (const key of duplicates(reported)) problems.push(`${key} was reported finished twice to the console`);
    const verified = options.events.filter((e): e is Extract<RunEvent, { type: 'verify-finished' }> => e.type === 'verify-finished').map((e) => e.key);
    for (const key of duplicates(verified)) problems.push(`${key} was reported verified twice to the console`);
    const endEvents = options.events.filter((e) => e.type === 'run-finished').length;
    if (endEvents !== 1) problems.push(`expected one run-finished event, saw ${endEvents}`);
  }

  const finalStates = new Map<string, FinalState | 'pending'>();
  const counts: Partial<Record<FinalState | 'pending', number>> = {};
  let lost = 0;
  const expected = run.plan.entries.length + run.plan.excluded.length;
  if (run.accounts.size !== expected) {
    problems.push(`the journal knows ${run.accounts.size} accounts but the plan has ${expected}`);
    lost += Math.abs(run.accounts.size - expected);
  }
  for (const state of run.accounts.values()) {
    const final = finalStateOf(run, state);
    finalStates.set(state.key, final);
    counts[final] = (counts[final] ?? 0) + 1;
    if (final === 'pending') {
      problems.push(`${state.key} has no final state`);
      lost++;
    }
  }
  const approved = run.plan.entries.filter((e) => run.accounts.get(e.key)?.approval?.granted);
  const finishedOnce = new Map<string, number>();
  for (const key of finishedKeys) finishedOnce.set(key, (finishedOnce.get(key) ?? 0) + 1);
  for (const entry of approved) {
    const times = finishedOnce.get(entry.key) ?? 0;
    if (times !== 1) {
      if (finalStates.get(entry.key) !== 'pending') lost++;
      problems.push(`${entry.key} finished ${times} times`);
    }
  }

  // Against the stand-in's real state.
  const { holds } = options.effects;
  const changed = (account: Account, step: StepKind) => holds(account, step) && !options.effects.before(account, step);
  for (const entry of run.plan.entries) {
    const state = run.accounts.get(entry.key);
    const final = finalStates.get(entry.key);
    const planned = applicableSteps(entry);
    const label = `${entry.account.login} (${final})`;
    if (!state?.approval?.granted) {
      for (const step of planned) if (changed(entry.account, step)) problems.push(`${label} was not approved but the stand-in shows ${step} applied`);
      continue;
    }
    for (const step of planned) {
      const result = state.steps.get(step);
      if (result?.status === 'done' && !holds(entry.account, step)) problems.push(`${label}: ${step} is journaled done but the stand-in does not show it`);
      if (options.failedMeansUnchanged && result && result.status !== 'done' && changed(entry.account, step)) {
        problems.push(`${label}: ${step} is journaled ${result.status} but the stand-in shows it applied`);
      }
    }
    if (final === 'verified') {
      for (const step of planned) if (!holds(entry.account, step)) problems.push(`${label}: verified, but the stand-in does not show ${step}`);
    }
    if (final === 'not-verified' && planned.every((step) => holds(entry.account, step))) {
      problems.push(`${label}: not verified, yet the stand-in shows every step applied`);
    }
  }
  for (const excluded of run.plan.excluded) {
    for (const step of ['force-change', 'end-sessions', 'clear-never-expires'] as const) {
      if (changed(excluded.account, step)) problems.push(`${excluded.account.login} was excluded but the stand-in shows ${step} applied`);
    }
  }
  return { problems, run, finalStates, counts, lost };
}
