// Excluded accounts grouped by the rule that kept them out, for the summary
// line above the full list.
import type { PlanDto } from '../../../preload/contract';

export type ExcludedEntry = PlanDto['excluded'][number];

export interface ExclusionRuleGroup {
  /** "Service accounts" */
  setName: string;
  ruleId: string;
  /** The rule's note, or its type in words. */
  description: string;
  count: number;
}

const ruleTypeText: Record<string, string> = {
  accounts: 'named accounts',
  'name-pattern': 'name pattern',
  group: 'group membership',
  privileged: 'privileged accounts',
  'builtin-rid': 'built-in Windows accounts',
  disabled: 'disabled accounts',
  'service-account': 'service account names',
  'never-touch': 'never touch',
  'current-user': 'the signed-in operator',
  'connection-account': 'the account Rekey connects with',
};

export function groupExclusions(excluded: readonly ExcludedEntry[]): ExclusionRuleGroup[] {
  const groups = new Map<string, ExclusionRuleGroup>();
  for (const entry of excluded) {
    const { setName, rule } = entry.exclusion;
    const id = `${setName}\u0000${rule.id}`;
    let group = groups.get(id);
    if (!group) {
      const note = typeof rule.note === 'string' && rule.note.trim() !== '' ? rule.note : null;
      group = { setName, ruleId: rule.id, description: note ?? ruleTypeText[rule.type] ?? rule.type, count: 0 };
      groups.set(id, group);
    }
    group.count++;
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.setName.localeCompare(b.setName));
}
