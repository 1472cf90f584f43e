// The operator's approvals for a plan, as plain data: which "confirm" accounts
// are ticked, what was typed for each "typed-confirm" account, and which
// accounts were explicitly left out. From that: each account's approval
// status, whether the plan may run, and the answers run.start receives.
import type { PlanDto } from '../../../preload/contract';
import { typedTextMatches } from './typed-confirm';

export type PlanEntry = PlanDto['entries'][number];

export interface ApprovalDraft {
  /** Keys of "confirm" accounts the operator ticked. */
  confirmed: ReadonlySet<string>;
  /** What the operator typed per "typed-confirm" account. */
  typed: ReadonlyMap<string, string>;
  /**
   * "typed-confirm" accounts the operator chose not to run (recorded as not
   * approved). An unticked "confirm" account is already left out, and an
   * "auto" account runs whatever the answers say, so only these need it.
   */
  leftOut: ReadonlySet<string>;
}

export const emptyDraft: ApprovalDraft = { confirmed: new Set(), typed: new Map(), leftOut: new Set() };

export type ApprovalStatus =
  | 'auto' // no approval needed
  | 'confirmed'
  | 'unconfirmed' // "confirm" not ticked: will be recorded as not approved
  | 'typed-match'
  | 'typed-mismatch' // something typed that is not the login
  | 'typed-empty'
  | 'left-out'
  | 'blocked';

export function approvalStatus(entry: PlanEntry, draft: ApprovalDraft): ApprovalStatus {
  const { decision } = entry.approval;
  switch (decision) {
    case 'block':
      return 'blocked';
    case 'auto':
      return 'auto';
    case 'confirm':
      return draft.confirmed.has(entry.key) ? 'confirmed' : 'unconfirmed';
    case 'typed-confirm': {
      if (draft.leftOut.has(entry.key)) return 'left-out';
      const typed = draft.typed.get(entry.key) ?? '';
      if (typed.trim() === '') return 'typed-empty';
      return typedTextMatches(entry.account.login, typed) ? 'typed-match' : 'typed-mismatch';
    }
  }
}

/** Statuses whose account runs when the plan is started. */
export function willRun(status: ApprovalStatus): boolean {
  return status === 'auto' || status === 'confirmed' || status === 'typed-match';
}

export interface ApprovalProgress {
  auto: number;
  confirmNeeded: number;
  confirmed: number;
  typedNeeded: number;
  typedMatched: number;
  /** typed-confirm accounts neither matching nor left out: these keep Run disabled. */
  typedUnresolved: number;
  leftOut: number;
  blocked: number;
  /** Accounts that will run. */
  approved: number;
  /** Accounts that will be recorded as not approved (unticked confirm, left out). */
  notApproved: number;
  canRun: boolean;
  /** Why Run is disabled, as a sentence; null when it is enabled. */
  blockedBecause: string | null;
}

export function approvalProgress(entries: readonly PlanEntry[], draft: ApprovalDraft): ApprovalProgress {
  const progress: ApprovalProgress = {
    auto: 0,
    confirmNeeded: 0,
    confirmed: 0,
    typedNeeded: 0,
    typedMatched: 0,
    typedUnresolved: 0,
    leftOut: 0,
    blocked: 0,
    approved: 0,
    notApproved: 0,
    canRun: false,
    blockedBecause: null,
  };
  for (const entry of entries) {
    const status = approvalStatus(entry, draft);
    if (entry.approval.decision === 'confirm') progress.confirmNeeded++;
    if (entry.approval.decision === 'typed-confirm') progress.typedNeeded++;
    switch (status) {
      case 'auto':
        progress.auto++;
        break;
      case 'confirmed':
        progress.confirmed++;
        break;
      case 'typed-match':
        progress.typedMatched++;
        break;
      case 'typed-empty':
      case 'typed-mismatch':
        progress.typedUnresolved++;
        break;
      case 'left-out':
        progress.leftOut++;
        break;
      case 'blocked':
        progress.blocked++;
        break;
      case 'unconfirmed':
        break;
    }
    if (willRun(status)) progress.approved++;
    else if (status !== 'blocked') progress.notApproved++;
  }
  if (progress.typedUnresolved > 0) {
    progress.blockedBecause =
      progress.typedUnresolved === 1
        ? 'One account needs its name typed to approve it, or to be left out.'
        : `${progress.typedUnresolved} accounts need their names typed to approve them, or to be left out.`;
  } else if (progress.approved === 0) {
    progress.blockedBecause = entries.length === 0 ? 'The plan has no accounts to run.' : 'No account is approved yet.';
  }
  progress.canRun = progress.blockedBecause === null;
  return progress;
}

export interface ApprovalAnswerDto {
  key: string;
  confirmed?: boolean;
  typedText?: string;
}

/** What run.start receives: an answer for every account the operator approved, nothing for the rest. */
export function approvalAnswers(entries: readonly PlanEntry[], draft: ApprovalDraft): ApprovalAnswerDto[] {
  const answers: ApprovalAnswerDto[] = [];
  for (const entry of entries) {
    const status = approvalStatus(entry, draft);
    if (status === 'confirmed') answers.push({ key: entry.key, confirmed: true });
    else if (status === 'typed-match') answers.push({ key: entry.key, typedText: (draft.typed.get(entry.key) ?? '').trim() });
  }
  return answers;
}

/** Keys of the "confirm" accounts not yet ticked or left out: what "Confirm all" ticks. */
export function unconfirmedKeys(entries: readonly PlanEntry[], draft: ApprovalDraft): string[] {
  return entries.filter((entry) => approvalStatus(entry, draft) === 'unconfirmed').map((entry) => entry.key);
}

/** Keys of the "typed-confirm" accounts neither matching nor left out: what "Leave out the rest" leaves out. */
export function unresolvedTypedKeys(entries: readonly PlanEntry[], draft: ApprovalDraft): string[] {
  return entries
    .filter((entry) => {
      const status = approvalStatus(entry, draft);
      return status === 'typed-empty' || status === 'typed-mismatch';
    })
    .map((entry) => entry.key);
}
