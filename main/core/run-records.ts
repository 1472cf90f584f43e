// The data carried by each journal record type. The journal is the run's
// only memory: a run can be resumed, reported and verified from it alone.
import type {
  AccountRunOutcome,
  JournalRecord,
  ApprovalGrant,
  FinalState,
  JournalRecordType,
  Plan,
  StepKind,
  StepResult,
  VerifyResult,
} from './domain';
import type { JournalVerification } from './journal';

export interface RunStartedData {
  runId: string;
  planId: string;
  operator: string;
  /** Practice runs touch practice directories only; resume rebuilds them. */
  practice: boolean;
}

export interface PlanData {
  plan: Plan;
}

export type ApprovalData =
  | { key: string; granted: true; grant: ApprovalGrant }
  | { key: string; granted: false; state: 'not-approved' | 'blocked'; reason: string; by: string };

export interface AccountStartedData {
  key: string;
  directoryId: string;
  login: string;
  steps: StepKind[];
}

/** A step result with when its directory call began and which attempt it was. */
export interface StepOutcome extends StepResult {
  startedAt: string;
  attempt: number;
}

export interface StepData {
  key: string;
  result: StepOutcome;
  /** False for a transient failure that will be retried. */
  final: boolean;
}

export interface AccountFinishedData {
  key: string;
  outcome: AccountRunOutcome;
  /** How the outcome was established: by running the steps, or on resume by re-reading an account already reset before a crash. */
  via: 'run' | 'resume-reread';
}

export interface VerifyData {
  key: string;
  result: VerifyResult;
  /** An operator's "verify again", after the run. */
  manual: boolean;
  by: string;
}

export interface RunResumedData {
  by: string;
  /** Accounts re-read and found already reset. */
  alreadyApplied: string[];
  /** Accounts whose steps run again (all steps are idempotent). */
  rerun: string[];
}

export interface RunCancelledData {
  by: string;
  reason: string;
}

export interface RunEndedData {
  finalStates: Partial<Record<FinalState, number>>;
  cancelled: boolean;
}

export interface RecordDataByType {
  'run-started': RunStartedData;
  plan: PlanData;
  approval: ApprovalData;
  'account-started': AccountStartedData;
  step: StepData;
  'account-finished': AccountFinishedData;
  verify: VerifyData;
  'run-resumed': RunResumedData;
  'run-cancelled': RunCancelledData;
  'run-ended': RunEndedData;
}

export type JournalEntry = { [T in JournalRecordType]: { type: T; data: RecordDataByType[T] } }[JournalRecordType];

/** Where the engine and the flow write a run's records. `append` resolves only once the records are durable (fsync). */
export interface RunJournal {
  append(entries: JournalEntry[]): Promise<void>;
}

/** A run's journal opened for appending. */
export interface OpenRunJournal extends RunJournal {
  readonly runId: string;
  close(): Promise<void>;
}

/** Where journals live (one append-only file per run; main/storage/journal-file.ts). */
export interface RunJournalStore {
  /** Start the journal of a new run; fails if the run already has one. */
  create(runId: string): Promise<OpenRunJournal>;
  /** Continue an existing journal (resume, verify again); a record cut short by a crash is dropped first. */
  reopen(runId: string): Promise<OpenRunJournal>;
  read(runId: string): Promise<JournalRecord[]>;
  /** The exact stored text, for verifying the chain. */
  readText(runId: string): Promise<string>;
  /**
   * Verify the chain on the stored text without holding it as one string;
   * stores whose journals can outgrow a string (files) provide it.
   */
  verify?(runId: string): Promise<JournalVerification>;
  /** Run ids, oldest first. */
  list(): Promise<string[]>;
}
