// What the exclusion preview says, shaped for the exclusions panel: how many
// of the selected accounts stay out and by which rule, and one row per
// excluded account with its reason.
import type { z } from 'zod';
import type { exclusionsPreview } from '../../../../preload/contract';
import { formatCount, plural } from '../../../lib/format';

export type ExclusionsPreview = z.infer<typeof exclusionsPreview>;

export interface RuleCount {
  setName: string;
  ruleId: string;
  ruleType: string;
  note: string | null;
  count: number;
}

export interface ExcludedRow {
  key: string;
  login: string;
  /** The login, with the computer for a Windows account (HOST\login). */
  account: string;
  displayName: string;
  directoryId: string;
  setName: string;
  ruleId: string;
  ruleType: string;
  reason: string;
}

export interface ExclusionsView {
  summary: string;
  selected: number;
  excluded: number;
  remaining: number;
  byRule: RuleCount[];
  rows: ExcludedRow[];
}

/** "never-touch" -> "never touch" */
export function ruleTypeLabel(type: string): string {
  return type.replace(/-/g, ' ');
}

export function exclusionsView(preview: ExclusionsPreview): ExclusionsView {
  const byRule = new Map<string, RuleCount>();
  const rows: ExcludedRow[] = preview.excluded.map(({ key, account, exclusion }) => {
    const id = `${exclusion.setName}\u0000${exclusion.rule.id}`;
    const entry = byRule.get(id);
    if (entry) entry.count++;
    else byRule.set(id, { setName: exclusion.setName, ruleId: exclusion.rule.id, ruleType: exclusion.rule.type, note: exclusion.rule.note ?? null, count: 1 });
    return {
      key,
      login: account.login,
      account: account.attributes.host ? `${account.attributes.host}\\${account.login}` : account.login,
      displayName: account.displayName,
      directoryId: account.directoryId,
      setName: exclusion.setName,
      ruleId: exclusion.rule.id,
      ruleType: exclusion.rule.type,
      reason: exclusion.reason,
    };
  });
  const excluded = rows.length;
  const remaining = Math.max(0, preview.selected - excluded);
  const summary =
    excluded === 0
      ? `None of the ${plural(preview.selected, 'selected account')} is excluded; all ${formatCount(preview.selected)} go on to the plan.`
      : `${formatCount(excluded)} of the ${plural(preview.selected, 'selected account')} ${excluded === 1 ? 'is' : 'are'} excluded; ${formatCount(remaining)} go on to the plan.`;
  return {
    summary,
    selected: preview.selected,
    excluded,
    remaining,
    byRule: [...byRule.values()].sort((a, b) => b.count - a.count || a.setName.localeCompare(b.setName) || a.ruleId.localeCompare(b.ruleId)),
    rows,
  };
}

/** The exclusion set names still chosen after the saved sets changed (a set renamed or deleted in Settings drops out). */
export function keepKnownSets(chosen: readonly string[], saved: readonly string[]): string[] {
  const known = new Set(saved);
  return chosen.filter((name) => known.has(name));
}
