// View models of a plan for the review screen: warnings grouped by kind,
// per-directory counts with names, step names, and the row filter. Pure, so
// the grouping and filtering are tested without a DOM.
import type { AccountDto, PlanDto } from '../../../preload/contract';
import { approvalStatus, type ApprovalDraft, type PlanEntry } from './approvals';
import type { StepKind } from '../../components/evidence/step-labels';
import { warningKindText, type WarningKind } from './warning-kinds';

export { stepLabels, type StepKind } from '../../components/evidence/step-labels';

/** How an account is named to people: HOST\name for Windows (the same SAM name exists on many hosts), the login otherwise. */
export function accountLabel(account: Pick<AccountDto, 'login' | 'attributes'>): string {
  return account.attributes.host ? `${account.attributes.host}\\${account.login}` : account.login;
}

export interface WarningGroup {
  kind: WarningKind;
  title: string;
  sentence: string;
  count: number;
  /** Every account with this warning and the directory's own message about it. */
  accounts: Array<{ key: string; label: string; message: string }>;
}

/** Warnings of the planned accounts, one group per kind, the most frequent first. */
export function groupWarnings(entries: readonly PlanEntry[]): WarningGroup[] {
  const groups = new Map<WarningKind, WarningGroup>();
  for (const entry of entries) {
    for (const warning of entry.warnings) {
      let group = groups.get(warning.kind);
      if (!group) {
        const text = warningKindText[warning.kind];
        group = { kind: warning.kind, title: text.title, sentence: text.sentence, count: 0, accounts: [] };
        groups.set(warning.kind, group);
      }
      group.count++;
      group.accounts.push({ key: entry.key, label: accountLabel(entry.account), message: warning.message });
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
}

export interface DirectoryCount {
  id: string;
  displayName: string;
  kind: string;
  planned: number;
  excluded: number;
}

/** Planned and excluded accounts per directory, named. Directories that only had exclusions are listed too. */
export function directoryCounts(plan: PlanDto): DirectoryCount[] {
  const known = new Map<string, { displayName: string; kind: string }>(plan.directories.map((d) => [d.id, { displayName: d.displayName, kind: d.kind }]));
  return Object.entries(plan.summary.byDirectory)
    .map(([id, counts]) => {
      const directory = known.get(id);
      return { id, displayName: directory?.displayName ?? id, kind: directory?.kind ?? '', planned: counts.planned, excluded: counts.excluded };
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export type EntryFilter = 'all' | 'needs-approval' | 'warnings' | 'blocked';

export const entryFilterLabels: Record<EntryFilter, string> = {
  all: 'All',
  'needs-approval': 'Needs approval',
  warnings: 'With warnings',
  blocked: 'Blocked',
};

/** Whether a row is shown under a filter and a search text (login, display name or directory, case-insensitive). */
export function entryMatches(entry: PlanEntry, filter: EntryFilter, search: string, draft: ApprovalDraft): boolean {
  if (filter === 'warnings' && entry.warnings.length === 0) return false;
  if (filter === 'blocked' && entry.approval.decision !== 'block') return false;
  if (filter === 'needs-approval') {
    const status = approvalStatus(entry, draft);
    if (status !== 'unconfirmed' && status !== 'typed-empty' && status !== 'typed-mismatch') return false;
  }
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  const account = entry.account;
  return (
    accountLabel(account).toLowerCase().includes(needle) ||
    account.displayName.toLowerCase().includes(needle) ||
    account.directoryId.toLowerCase().includes(needle)
  );
}

/** The steps that will run for an account, in run order. */
export function applicableSteps(entry: PlanEntry): StepKind[] {
  return entry.steps.filter((step) => step.applicable).map((step) => step.step);
}
