// The plan (dry run): for each selected account, excluded with a reason, or
// planned with its steps, warnings and the approval it needs. Directories say
// which steps apply and add their own warnings; core adds exclusions,
// approvals, the generic warnings and the summary. The result is deep-frozen
// and survives JSON.stringify/parse unchanged.
import {
  accountKey,
  type Account,
  type ApprovalDecision,
  type ApprovalRule,
  type Directory,
  type ExclusionSet,
  type Plan,
  type PlanEntry,
  type PlannedStep,
  type PlanSummary,
  type PlanWarning,
  type ResetOptions,
  type StepKind,
} from './domain';
import { applyExclusions, exclusionOrder, tagsFor } from './exclusions';
import { deepFreeze } from './freeze';
import { decideApproval } from './policy';
import type { Selection } from './selection';

export const stepOrder: StepKind[] = ['clear-never-expires', 'force-change', 'end-sessions'];

/** The steps the options ask for. */
export function requestedSteps(options: ResetOptions): Set<StepKind> {
  const steps = new Set<StepKind>();
  if (options.clearNeverExpires) steps.add('clear-never-expires');
  if (options.forceChange || options.forceChangeWithMfa) steps.add('force-change');
  if (options.endSessions) steps.add('end-sessions');
  return steps;
}

/** Warnings every directory kind shares, added unless the directory already gave one of the same kind. */
export function genericWarnings(account: Account, steps: readonly PlannedStep[], options: ResetOptions): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const applies = (step: StepKind) => steps.some((s) => s.step === step && s.applicable);
  if (account.kind === 'entra' && account.attributes.synced) {
    warnings.push({
      kind: 'synced-password-on-premises',
      message: 'The password is mastered in on-premises Active Directory: set "must change password" there; sessions are still revoked here.',
    });
  }
  if (account.attributes.neverExpires && applies('clear-never-expires')) {
    warnings.push({ kind: 'never-expires-will-be-cleared', message: '"Password never expires" is set and will be cleared, because it silently cancels "must change".' });
  } else if (account.attributes.neverExpires && applies('force-change')) {
    warnings.push({ kind: 'never-expires-blocks-flag', message: '"Password never expires" is set and will not be cleared, so "must change" will have no effect.' });
  }
  if (!account.enabled) {
    warnings.push({ kind: 'disabled-flag-applies-when-enabled', message: 'The account is disabled: the flag takes effect when it is enabled again.' });
  }
  if (account.attributes.guest && options.endSessions) {
    warnings.push({ kind: 'guest-sessions-not-revocable', message: 'Guest account: sessions in the guest\'s home organisation cannot be revoked from here.' });
  }
  return warnings;
}

function mergeWarnings(fromDirectory: readonly PlanWarning[], generic: readonly PlanWarning[]): PlanWarning[] {
  const kinds = new Set(fromDirectory.map((w) => w.kind));
  return [...fromDirectory, ...generic.filter((w) => !kinds.has(w.kind))];
}

export interface PlanInput {
  id: string;
  createdAt: string;
  createdBy: string;
  selection: Selection;
  directories: readonly Directory[];
  options: ResetOptions;
  savedSets: readonly ExclusionSet[];
  chosenSets: readonly string[];
  approvalRules: readonly ApprovalRule[];
}

export async function buildPlan(input: PlanInput): Promise<Plan> {
  const directories = new Map(input.directories.map((d) => [d.id, d]));
  // Clone: the plan is frozen and must not share objects a directory may still change.
  const selected: Account[] = structuredClone(input.selection.accounts);
  for (const account of selected) {
    if (!directories.has(account.directoryId)) throw new Error(`Account ${account.login} belongs to directory ${account.directoryId}, which is not connected.`);
  }
  const { included, excluded } = applyExclusions(selected, exclusionOrder(input.savedSets, input.chosenSets));
  const requested = requestedSteps(input.options);

  const entries: PlanEntry[] = [];
  const usedDirectories = new Set<string>(selected.map((a) => a.directoryId));
  for (const directory of input.directories) {
    const accounts = included.filter((a) => a.directoryId === directory.id);
    if (accounts.length === 0) continue;
    const plans = await directory.planReset(accounts, input.options);
    const byKey = new Map(plans.map((p) => [accountKey(p.account), p]));
    for (const account of accounts) {
      const key = accountKey(account);
      const accountPlan = byKey.get(key);
      if (!accountPlan) throw new Error(`${directory.displayName} returned no plan for ${account.login}; the plan was not made.`);
      const steps = stepOrder.flatMap((kind) => {
        const step = accountPlan.steps.find((s) => s.step === kind);
        return step && requested.has(kind) ? [structuredClone(step)] : [];
      });
      const tags = tagsFor(account, input.savedSets);
      entries.push({
        key,
        account,
        steps,
        warnings: mergeWarnings(structuredClone(accountPlan.warnings), genericWarnings(account, steps, input.options)),
        approval: decideApproval(account, tags, input.approvalRules),
        tags,
      });
    }
  }
  // Keep the operator's selection order.
  const position = new Map(selected.map((a, i) => [accountKey(a), i]));
  entries.sort((a, b) => (position.get(a.key) ?? 0) - (position.get(b.key) ?? 0));

  const plan: Plan = {
    version: 1,
    id: input.id,
    createdAt: input.createdAt,
    createdBy: input.createdBy,
    options: { ...input.options },
    selection: input.selection.description,
    selectionProblems: structuredClone(input.selection.problems),
    exclusionSets: [...input.chosenSets],
    directories: input.directories
      .filter((d) => usedDirectories.has(d.id))
      .map((d) => ({ id: d.id, kind: d.kind, displayName: d.displayName, capabilities: { ...d.capabilities } })),
    entries,
    excluded,
    summary: summarisePlan(entries, excluded.map((e) => e.account), input.selection.problems.length),
  };
  return deepFreeze(plan);
}

export function summarisePlan(entries: readonly PlanEntry[], excluded: readonly Account[], selectionProblems: number): PlanSummary {
  const byDecision: Record<ApprovalDecision, number> = { auto: 0, confirm: 0, 'typed-confirm': 0, block: 0 };
  const byDirectory: PlanSummary['byDirectory'] = {};
  const byStep: Record<StepKind, number> = { 'clear-never-expires': 0, 'force-change': 0, 'end-sessions': 0 };
  const byWarning: PlanSummary['byWarning'] = {};
  const directoryCounts = (id: string) => (byDirectory[id] ??= { planned: 0, excluded: 0 });
  let withWork = 0;
  for (const entry of entries) {
    byDecision[entry.approval.decision]++;
    directoryCounts(entry.account.directoryId).planned++;
    let work = false;
    for (const step of entry.steps) {
      if (!step.applicable) continue;
      byStep[step.step]++;
      work = true;
    }
    if (work) withWork++;
    for (const warning of entry.warnings) byWarning[warning.kind] = (byWarning[warning.kind] ?? 0) + 1;
  }
  for (const account of excluded) directoryCounts(account.directoryId).excluded++;
  return {
    selected: entries.length + excluded.length,
    excluded: excluded.length,
    planned: entries.length,
    withWork,
    selectionProblems,
    byDecision,
    byDirectory,
    byStep,
    byWarning,
  };
}

/** The plan as pretty JSON for export. */
export function planToJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** The applicable steps of an entry, in run order. */
export function applicableSteps(entry: PlanEntry): StepKind[] {
  return entry.steps.filter((s) => s.applicable).map((s) => s.step);
}
