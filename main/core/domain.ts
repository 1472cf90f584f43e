// The vocabulary of Rekey. Everything here is plain, JSON-serialisable data
// (it crosses IPC, lands in the journal and in reports) plus the Directory
// interface that each directory kind (Entra, Okta, Windows) implements.
//
// Pure TypeScript: no electron, no fs, no network. See ../../../shared/DESIGN.md.

export type DirectoryKind = 'entra' | 'okta' | 'windows';

/** What the directory knows about an account beyond its names. All optional: not every kind has every fact. */
export interface AccountAttributes {
  /** Entra: onPremisesSyncEnabled — password is mastered on-premises. */
  synced?: boolean;
  /** Entra: userType Guest; Windows: RID 501. */
  guest?: boolean;
  /** Windows: UF_DONT_EXPIRE_PASSWD (0x10000) — silently cancels "must change". */
  neverExpires?: boolean;
  /** Windows: Local / MicrosoftAccount / AzureAD. Only Local accounts are SAM accounts. */
  principalSource?: string;
  /** Windows: relative id from the SID (500 Administrator, 501 Guest, 503 DefaultAccount, 504 WDAGUtilityAccount). */
  rid?: number;
  /** ISO 8601 timestamp of the last sign-in, null when never. */
  lastSignIn?: string | null;
  /** Directory-native status: Okta ACTIVE / PASSWORD_EXPIRED / ..., Entra Enabled/Disabled. */
  status?: string;
  /** Whether "must change password at next sign-in" is set right now, when the listing knows it. */
  mustChange?: boolean | null;
  /** Okta credential provider: OKTA or ACTIVE_DIRECTORY (AD-delegated password). */
  credentialProvider?: string;
  /** The signed-in operator's own account in this directory. */
  isCurrentUser?: boolean;
  /** The account Rekey uses to reach this directory (WinRM credential, app identity). */
  isConnectionAccount?: boolean;
  /** Federated user (Entra): passwordProfile cannot be used. */
  federated?: boolean;
  email?: string;
  /** Windows: the machine the account lives on. */
  host?: string;
}

export interface Account {
  /** The connected directory this account belongs to, e.g. "entra:contoso.onmicrosoft.com", "windows:HOST01". */
  directoryId: string;
  kind: DirectoryKind;
  /** Stable id inside the directory: Graph object id, Okta user id, Windows SID. */
  id: string;
  /** UPN (Entra), login (Okta) or SAM account name (Windows). */
  login: string;
  displayName: string;
  enabled: boolean;
  privileged: boolean;
  /** Why the account counts as privileged ("Global Administrator role", "member of Administrators"). */
  privilegedWhy?: string;
  groups: string[];
  attributes: AccountAttributes;
}

/** A stable key for an account across directories. */
export function accountKey(account: Pick<Account, 'directoryId' | 'id'>): string {
  return `${account.directoryId}|${account.id}`;
}

export interface ResetOptions {
  /** Force a password change at next sign-in. */
  forceChange: boolean;
  /** Entra only: forceChangePasswordNextSignInWithMfa instead of the plain flag. */
  forceChangeWithMfa: boolean;
  /** End live sessions (Entra revokeSignInSessions, Okta clear sessions). */
  endSessions: boolean;
  /** Okta: also revoke OAuth tokens (oauthTokens=true). */
  revokeOAuthTokens: boolean;
  /** Okta: forget devices when clearing sessions. */
  forgetDevices: boolean;
  /** Windows: clear "password never expires" first, since it silently overrides the flag. */
  clearNeverExpires: boolean;
}

export const defaultResetOptions: ResetOptions = {
  forceChange: true,
  forceChangeWithMfa: false,
  endSessions: true,
  revokeOAuthTokens: true,
  forgetDevices: false,
  clearNeverExpires: true,
};

/** The steps a reset can consist of, in the order they run for one account. */
export type StepKind = 'clear-never-expires' | 'force-change' | 'end-sessions';

export type StepStatus = 'done' | 'failed' | 'skipped' | 'not-applicable' | 'cancelled';

/** Proof of what a directory answered. Never contains a secret. */
export type Evidence =
  | {
      kind: 'http';
      method: string;
      /** Path and query only; never a token. */
      url: string;
      status: number;
      requestId?: string;
      clientRequestId?: string;
      /** Graph error code or Okta errorCode / errorId. */
      errorCode?: string;
      errorId?: string;
      at: string;
    }
  | {
      kind: 'powershell';
      host: string;
      /** Script file name, e.g. "reset.ps1". */
      script: string;
      /** PowerShell success ($?) / exit status, or a textual status such as "timeout". */
      exitStatus: number | string;
      /** An excerpt of the output (bounded). */
      output: string;
      at: string;
    }
  | { kind: 'note'; text: string; at: string };

export interface StepResult {
  step: StepKind;
  status: StepStatus;
  /** A sentence an admin can act on. */
  message: string;
  evidence: Evidence[];
  /** ISO timestamp when the step finished. */
  at: string;
  /** Set by a directory when the failure is transient (429/503/timeout) and the engine may retry. */
  retryable?: boolean;
  /** How long the directory asked us to wait (Retry-After / X-Rate-Limit-Reset), in ms. */
  retryAfterMs?: number;
}

export interface PlannedStep {
  step: StepKind;
  /** False when the step cannot apply to this account (e.g. password step for a synced Entra user). */
  applicable: boolean;
  description: string;
}

export type PlanWarningKind =
  | 'synced-password-on-premises'
  | 'federated-password'
  | 'never-expires-will-be-cleared'
  | 'never-expires-blocks-flag'
  | 'disabled-flag-applies-when-enabled'
  | 'guest-sessions-not-revocable'
  | 'ad-delegated-password'
  | 'sessions-not-ended'
  | 'privileged-needs-stronger-role'
  | 'connection-account'
  | 'not-a-local-account'
  | 'host-unreachable'
  | 'user-cannot-change-password'
  | 'not-elevated';

export interface PlanWarning {
  kind: PlanWarningKind;
  message: string;
}

/** What a directory says it will do for one account. Core adds exclusions and approvals around it. */
export interface AccountPlan {
  account: Account;
  steps: PlannedStep[];
  warnings: PlanWarning[];
}

export interface ResetItem {
  account: Account;
  /** The applicable steps to run, in order. */
  steps: StepKind[];
}

export interface ResetBatch {
  items: ResetItem[];
  options: ResetOptions;
}

export interface AccountResetResult {
  directoryId: string;
  accountId: string;
  /** One result per requested step, in order. */
  steps: StepResult[];
}

export type MustChange = 'yes' | 'no' | 'unknown';

/** The account's state as re-read from the directory. */
export interface VerifiedState {
  directoryId: string;
  accountId: string;
  mustChange: MustChange;
  /** ISO time sessions are valid from (Entra signInSessionsValidFromDateTime); null = never revoked; undefined = the directory cannot tell. */
  sessionsRevokedSince?: string | null;
  neverExpires?: boolean | null;
  /** Directory-native status (Okta PASSWORD_EXPIRED, Windows "Password expired" ...). */
  directoryStatus?: string;
  checkedAt: string;
  /** How it was read: "Graph", "Okta API", "ADSI". */
  via: string;
  evidence: Evidence[];
  /** Set when the state could not be read; the other fields are then unknown. */
  error?: string;
}

export interface PacingHints {
  /** How many batches may be in flight at once. */
  maxConcurrency: number;
  /** How many accounts go into one reset() call (Graph $batch: 20 requests; PowerShell: one round trip per host). */
  batchSize: number;
  /** Sustained writes per second the directory allows us, if it has a documented limit. */
  ratePerSecond?: number;
}

export interface DirectoryCapabilities {
  forceChange: boolean;
  forceChangeWithMfa: boolean;
  endSessions: boolean;
  /** Whether readState can tell when sessions were revoked (Entra yes, Okta no, Windows no). */
  readsSessionRevocation: boolean;
  clearNeverExpires: boolean;
}

export interface AccountQuery {
  /** Free-text search (name, login, display name). */
  search?: string;
  /** Only members of this group (name or id). */
  group?: string;
  /** Page size hint. */
  pageSize?: number;
}

/** One connected directory: an Entra tenant, an Okta org, or the local SAM of one or more Windows hosts. */
export interface Directory {
  readonly id: string;
  readonly kind: DirectoryKind;
  readonly displayName: string;
  readonly pacing: PacingHints;
  readonly capabilities: DirectoryCapabilities;
  /** Pages of accounts, as the directory pages them. */
  listAccounts(query: AccountQuery, signal?: AbortSignal): AsyncIterable<Account[]>;
  /** What would happen to each account: steps and directory-specific warnings. No writes. */
  planReset(accounts: Account[], options: ResetOptions): Promise<AccountPlan[]>;
  /** Apply the steps. Must be idempotent per account and return one result per item, even on failure. */
  reset(batch: ResetBatch, signal: AbortSignal): Promise<AccountResetResult[]>;
  /** Re-read the state that proves (or disproves) the reset. One entry per account. */
  readState(accounts: Account[], signal?: AbortSignal): Promise<VerifiedState[]>;
}

/** Read every page of a listing into one array. */
export async function collectAccounts(directory: Directory, query: AccountQuery, signal?: AbortSignal): Promise<Account[]> {
  const all: Account[] = [];
  for await (const page of directory.listAccounts(query, signal)) all.push(...page);
  return all;
}

// ---------------------------------------------------------------------------
// The flow around the directories: selection, exclusions, approvals, plan,
// run, verify, journal. Appended for the core flow; all plain JSON data.
// ---------------------------------------------------------------------------

/** A rule that keeps accounts out of a reset. Every excluded account names the one rule that excluded it. */
export type ExclusionRule = { id: string; note?: string } & (
  | { type: 'accounts'; accounts: string[] }
  | { type: 'name-pattern'; pattern: string }
  | { type: 'group'; group: string }
  | { type: 'privileged' }
  | { type: 'builtin-rid'; rids: number[] }
  | { type: 'disabled' }
  | { type: 'service-account'; patterns: string[] }
  | { type: 'never-touch'; accounts: string[] }
  | { type: 'current-user' }
  | { type: 'connection-account' }
);
export type ExclusionRuleType = ExclusionRule['type'];

/** A named, saved group of exclusion rules. Tags let approval rules refer to the accounts a set matches. */
export interface ExclusionSet {
  name: string;
  description?: string;
  tags: string[];
  rules: ExclusionRule[];
}

export interface Exclusion {
  setName: string;
  rule: ExclusionRule;
  /** A sentence: which rule and why it matched this account. */
  reason: string;
}

export type ApprovalDecision = 'auto' | 'confirm' | 'typed-confirm' | 'block';

/** Conditions of an approval rule; every condition given must hold (an empty match matches everything). */
export interface ApprovalMatch {
  directoryKinds?: DirectoryKind[];
  group?: string;
  privileged?: boolean;
  /** Matches accounts matched by any saved exclusion set carrying this tag. */
  tag?: string;
  /** Glob on login or display name. */
  namePattern?: string;
  rids?: number[];
}

export interface ApprovalRule {
  id: string;
  description?: string;
  when: ApprovalMatch;
  decision: ApprovalDecision;
}

/** What the policy asks for one account, and which rule said so (null: the fallback). */
export interface ApprovalRequirement {
  decision: ApprovalDecision;
  ruleId: string | null;
  reason: string;
}

/** An approval given by an operator, recorded in the journal with who and when. */
export interface ApprovalGrant {
  key: string;
  decision: ApprovalDecision;
  by: string;
  at: string;
  /** For typed-confirm: the operator typed the account's login. */
  typed: boolean;
}

export type SelectionProblemReason = 'malformed' | 'unknown-directory' | 'unknown-account' | 'ambiguous' | 'duplicate';

/** A selection input that did not become an account (a CSV row, usually). Never dropped silently. */
export interface SelectionProblem {
  /** 1-based line in the file where the row starts; null when the problem is not tied to a line. */
  line: number | null;
  reason: SelectionProblemReason;
  message: string;
}

export interface PlanEntry {
  key: string;
  account: Account;
  steps: PlannedStep[];
  warnings: PlanWarning[];
  approval: ApprovalRequirement;
  /** Tags of saved exclusion sets that match the account (used by approval rules). */
  tags: string[];
}

export interface ExcludedEntry {
  key: string;
  account: Account;
  exclusion: Exclusion;
}

export interface PlanSummary {
  selected: number;
  excluded: number;
  planned: number;
  /** Planned accounts with at least one applicable step. */
  withWork: number;
  selectionProblems: number;
  byDecision: Record<ApprovalDecision, number>;
  byDirectory: Record<string, { planned: number; excluded: number }>;
  byStep: Record<StepKind, number>;
  byWarning: Partial<Record<PlanWarningKind, number>>;
}

/** The dry run: immutable (deep-frozen) and serialisable. A run executes exactly one plan. */
export interface Plan {
  version: 1;
  id: string;
  createdAt: string;
  createdBy: string;
  options: ResetOptions;
  /** A sentence describing what was selected ("search 'smith' in Contoso", "CSV users.csv"). */
  selection: string;
  selectionProblems: SelectionProblem[];
  exclusionSets: string[];
  directories: Array<{ id: string; kind: DirectoryKind; displayName: string; capabilities: DirectoryCapabilities }>;
  entries: PlanEntry[];
  excluded: ExcludedEntry[];
  summary: PlanSummary;
}

export type AccountRunOutcome = 'applied' | 'failed' | 'cancelled' | 'nothing-to-do';
export type VerifyOutcome = 'verified' | 'not-verified' | 'could-not-verify';

/** Exactly one per account at the end of a run. */
export type FinalState =
  | VerifyOutcome
  | 'failed'
  | 'cancelled'
  | 'nothing-to-do'
  | 'not-approved'
  | 'blocked'
  | 'excluded';

export interface VerifyResult {
  key: string;
  outcome: VerifyOutcome;
  /** Sentences: what was expected and what was read. */
  reasons: string[];
  state: VerifiedState;
}

export interface RunCounts {
  total: number;
  pending: number;
  inFlight: number;
  applied: number;
  failed: number;
  cancelled: number;
  nothingToDo: number;
}

/** Live progress of a run, for the console and the CLI. */
export type RunEvent =
  | { type: 'run-started'; runId: string; total: number; at: string }
  | { type: 'account-started'; runId: string; key: string; login: string; directoryId: string; at: string }
  | { type: 'step-finished'; runId: string; key: string; login: string; result: StepResult; attempt: number }
  | { type: 'retry-scheduled'; runId: string; keys: string[]; attempt: number; delayMs: number; reason: string; at: string }
  | { type: 'account-finished'; runId: string; key: string; login: string; outcome: AccountRunOutcome; at: string }
  | { type: 'progress'; runId: string; counts: RunCounts; throughputPerSecond: number; etaMs: number | null; at: string }
  | { type: 'verify-finished'; runId: string; key: string; login: string; outcome: VerifyOutcome; reasons: string[]; at: string }
  | { type: 'run-finished'; runId: string; finalStates: Partial<Record<FinalState, number>>; cancelled: boolean; at: string };

export type JournalRecordType =
  | 'run-started'
  | 'plan'
  | 'approval'
  | 'account-started'
  | 'step'
  | 'account-finished'
  | 'verify'
  | 'run-resumed'
  | 'run-cancelled'
  | 'run-ended';

/** One line of a run's journal. `hash` is SHA-256 of the line up to (excluding) the hash field; `prev` chains lines. */
export interface JournalRecord {
  seq: number;
  at: string;
  type: JournalRecordType;
  data: unknown;
  prev: string;
  hash: string;
}
