// Rebuild a run from its journal records: what was planned, approved, done
// and verified. Used to resume, to report, and for the activity timeline.
import type { AccountRunOutcome, ExcludedEntry, FinalState, JournalRecord, Plan, PlanEntry, StepKind, VerifyResult } from './domain';
import type {
  AccountFinishedData,
  AccountStartedData,
  ApprovalData,
  PlanData,
  RunCancelledData,
  RunEndedData,
  RunResumedData,
  RunStartedData,
  StepData,
  StepOutcome,
  VerifyData,
} from './run-records';

export interface AccountState {
  key: string;
  entry?: PlanEntry;
  excluded?: ExcludedEntry;
  approval?: ApprovalData;
  startedAt?: string;
  /** Final result per step. */
  steps: Map<StepKind, StepOutcome>;
  /** Transient failures that were retried. */
  retries: StepOutcome[];
  outcome?: AccountRunOutcome;
  outcomeVia?: AccountFinishedData['via'];
  /** The latest verification (manual "verify again" included). */
  verify?: VerifyResult;
  verifications: number;
}

export interface RunState {
  runId: string;
  operator: string;
  practice: boolean;
  startedAt: string;
  plan: Plan;
  accounts: Map<string, AccountState>;
  resumes: Array<{ at: string } & RunResumedData>;
  manualVerifications: Array<{ at: string; by: string; key: string; outcome: VerifyResult['outcome'] }>;
  cancelled?: { at: string } & RunCancelledData;
  ended?: { at: string } & RunEndedData;
  lastAt: string;
  records: number;
}

export function replayRun(records: readonly JournalRecord[]): RunState {
  const first = records[0];
  if (!first || first.type !== 'run-started') throw new Error('The journal does not start with a run-started record.');
  const started = first.data as RunStartedData;
  const planRecord = records.find((r) => r.type === 'plan');
  if (!planRecord) throw new Error(`The journal of run ${started.runId} holds no plan (the run stopped before it was recorded); there is nothing to resume.`);
  const plan = (planRecord.data as PlanData).plan;

  const accounts = new Map<string, AccountState>();
  const blank = (key: string): AccountState => ({ key, steps: new Map(), retries: [], verifications: 0 });
  for (const entry of plan.entries) accounts.set(entry.key, { ...blank(entry.key), entry });
  for (const excluded of plan.excluded) accounts.set(excluded.key, { ...blank(excluded.key), excluded });
  const account = (key: string): AccountState => {
    let state = accounts.get(key);
    if (!state) accounts.set(key, (state = blank(key)));
    return state;
  };

  const run: RunState = {
    runId: started.runId,
    operator: started.operator,
    practice: started.practice,
    startedAt: first.at,
    plan,
    accounts,
    resumes: [],
    manualVerifications: [],
    lastAt: first.at,
    records: records.length,
  };
  for (const record of records) {
    run.lastAt = record.at;
    switch (record.type) {
      case 'approval': {
        const data = record.data as ApprovalData;
        account(data.key).approval = data;
        break;
      }
      case 'account-started': {
        const data = record.data as AccountStartedData;
        account(data.key).startedAt ??= record.at;
        break;
      }
      case 'step': {
        const data = record.data as StepData;
        if (data.final) account(data.key).steps.set(data.result.step, data.result);
        else account(data.key).retries.push(data.result);
        break;
      }
      case 'account-finished': {
        const data = record.data as AccountFinishedData;
        const state = account(data.key);
        state.outcome = data.outcome;
        state.outcomeVia = data.via;
        break;
      }
      case 'verify': {
        const data = record.data as VerifyData;
        const state = account(data.key);
        state.verify = data.result;
        state.verifications++;
        if (data.manual) run.manualVerifications.push({ at: record.at, by: data.by, key: data.key, outcome: data.result.outcome });
        break;
      }
      case 'run-resumed':
        run.resumes.push({ at: record.at, ...(record.data as RunResumedData) });
        break;
      case 'run-cancelled':
        run.cancelled = { at: record.at, ...(record.data as RunCancelledData) };
        break;
      case 'run-ended':
        run.ended = { at: record.at, ...(record.data as RunEndedData) };
        break;
      case 'run-started':
      case 'plan':
        break;
    }
  }
  return run;
}

/** The one final state of an account, or 'pending' while its run is unfinished. */
export function finalStateOf(run: RunState, state: AccountState): FinalState | 'pending' {
  if (state.excluded) return 'excluded';
  if (state.approval && !state.approval.granted) return state.approval.state;
  if (state.outcome === 'failed') return 'failed';
  if (state.outcome === 'cancelled') return 'cancelled';
  if (state.outcome === 'nothing-to-do') return 'nothing-to-do';
  if (state.outcome === 'applied') return state.verify?.outcome ?? (run.ended ? 'could-not-verify' : 'pending');
  if (run.ended || run.cancelled) return 'cancelled';
  // Approvals are recorded before any account starts, so a planned account without one was never reached.
  return 'pending';
}

export function finalStateCounts(run: RunState): Partial<Record<FinalState | 'pending', number>> {
  const counts: Partial<Record<FinalState | 'pending', number>> = {};
  for (const state of run.accounts.values()) {
    const final = finalStateOf(run, state);
    counts[final] = (counts[final] ?? 0) + 1;
  }
  return counts;
}

/** Approved accounts that have no outcome yet: the work a resume must finish. */
export function unfinishedAccounts(run: RunState): AccountState[] {
  return [...run.accounts.values()].filter((s) => s.entry && s.approval?.granted && s.outcome === undefined);
}

/** Touched accounts (some step reported done) not yet re-read. A failed account is re-read too: its evidence matters. */
export function unverifiedAccounts(run: RunState): AccountState[] {
  return [...run.accounts.values()].filter((s) => wasTouched(s) && !s.verify);
}

export function wasTouched(state: AccountState): boolean {
  return (state.outcome === 'applied' || state.outcome === 'failed') && [...state.steps.values()].some((step) => step.status === 'done');
}
