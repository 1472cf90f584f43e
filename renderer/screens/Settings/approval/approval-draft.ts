// The approval policy editor's draft: ordered rules (first match decides,
// none matching means "confirm"), edited through a reducer, validated with
// the contract's schemas before saving, and described in words.
import type { z } from 'zod';
import { approvalRule as approvalRuleSchema, approvalRules as approvalRulesSchema, type approvalDecision, type directoryKind } from '../../../../preload/contract';
import { parseRids } from '../exclusions/exclusion-draft';
import { issueSentence, type FieldIssue } from '../field-issues';
import { sameValue } from '../same-value';

export type ApprovalRule = z.infer<typeof approvalRuleSchema>;
export type ApprovalDecision = z.infer<typeof approvalDecision>;
export type DirectoryKind = z.infer<typeof directoryKind>;

export interface ApprovalRuleDraft {
  key: string;
  id: string;
  description: string;
  directoryKinds: DirectoryKind[];
  group: string;
  privileged: 'any' | 'yes' | 'no';
  tag: string;
  namePattern: string;
  /** Numbers separated by commas or spaces. */
  rids: string;
  decision: ApprovalDecision;
}

export interface ApprovalDraftState {
  rules: ApprovalRuleDraft[];
  nextKey: number;
}

export const decisionInfo: Record<ApprovalDecision, { label: string; sentence: string }> = {
  auto: { label: 'Automatic', sentence: 'Reset without asking the operator.' },
  confirm: { label: 'Confirm', sentence: 'The operator confirms before the reset.' },
  'typed-confirm': { label: 'Type the name', sentence: 'The operator types the account name to confirm.' },
  block: { label: 'Blocked', sentence: 'Never reset; the plan shows the account as blocked.' },
};

export const decisions = Object.keys(decisionInfo) as ApprovalDecision[];

export const directoryKindLabels: Record<DirectoryKind, string> = { entra: 'Entra ID', okta: 'Okta', windows: 'Windows local' };
export const directoryKinds = Object.keys(directoryKindLabels) as DirectoryKind[];

// ---- conversions ---------------------------------------------------------

export function ruleToDraft(rule: ApprovalRule, key: string): ApprovalRuleDraft {
  const { when } = rule;
  return {
    key,
    id: rule.id,
    description: rule.description ?? '',
    directoryKinds: [...(when.directoryKinds ?? [])],
    group: when.group ?? '',
    privileged: when.privileged === undefined ? 'any' : when.privileged ? 'yes' : 'no',
    tag: when.tag ?? '',
    namePattern: when.namePattern ?? '',
    rids: (when.rids ?? []).join(', '),
    decision: rule.decision,
  };
}

/** Contract shape: empty conditions are left out, so they do not narrow the match. */
export function draftToRule(draft: ApprovalRuleDraft): ApprovalRule {
  const when: ApprovalRule['when'] = {};
  // Keep the contract's order of kinds so an unchanged rule compares equal.
  const kinds = directoryKinds.filter((kind) => draft.directoryKinds.includes(kind));
  if (kinds.length > 0) when.directoryKinds = kinds;
  if (draft.group.trim() !== '') when.group = draft.group.trim();
  if (draft.privileged !== 'any') when.privileged = draft.privileged === 'yes';
  if (draft.tag.trim() !== '') when.tag = draft.tag.trim();
  if (draft.namePattern.trim() !== '') when.namePattern = draft.namePattern.trim();
  const { rids } = parseRids(draft.rids);
  if (rids.length > 0) when.rids = rids;
  const description = draft.description.trim();
  return { id: draft.id.trim(), ...(description === '' ? {} : { description }), when, decision: draft.decision };
}

export function initialApprovalDraft(saved: readonly ApprovalRule[]): ApprovalDraftState {
  return { rules: saved.map((rule, index) => ruleToDraft(rule, `r${index + 1}`)), nextKey: saved.length + 1 };
}

export function approvalDraftChanged(state: ApprovalDraftState, saved: readonly ApprovalRule[]): boolean {
  return !sameValue(state.rules.map(draftToRule), saved);
}

/** A blank rule with an unused id, deciding "confirm" until the operator says otherwise. */
export function newRuleDraft(key: string, existing: readonly ApprovalRuleDraft[]): ApprovalRuleDraft {
  const taken = new Set(existing.map((rule) => rule.id.trim().toLowerCase()));
  let n = 1;
  while (taken.has(`rule-${n}`)) n++;
  return { key, id: `rule-${n}`, description: '', directoryKinds: [], group: '', privileged: 'any', tag: '', namePattern: '', rids: '', decision: 'confirm' };
}

// ---- words ---------------------------------------------------------------

function quoteList(items: readonly string[], joiner: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1] ?? ''}`;
}

/** "Privileged accounts in Entra ID or Okta, whose name matches "adm-*"" — what a rule's conditions select. */
export function conditionSummary(rule: ApprovalRule): string {
  const { when } = rule;
  const subject = when.privileged === true ? 'Privileged accounts' : when.privileged === false ? 'Accounts that are not privileged' : 'Accounts';
  const qualifiers: string[] = [];
  if (when.directoryKinds && when.directoryKinds.length > 0) qualifiers.push(`in ${quoteList(when.directoryKinds.map((kind) => directoryKindLabels[kind]), 'or')}`);
  if (when.group !== undefined) qualifiers.push(`in group "${when.group}"`);
  if (when.tag !== undefined) qualifiers.push(`tagged "${when.tag}"`);
  if (when.namePattern !== undefined) qualifiers.push(`whose name matches "${when.namePattern}"`);
  if (when.rids && when.rids.length > 0) qualifiers.push(`with RID ${quoteList(when.rids.map(String), 'or')}`);
  if (subject === 'Accounts' && qualifiers.length === 0) return 'Every account';
  return [subject, qualifiers.join(', ')].filter((part) => part !== '').join(' ');
}

// ---- validation ----------------------------------------------------------

export const approvalField = (ruleKey: string, field: 'id' | 'description' | 'directoryKinds' | 'group' | 'tag' | 'namePattern' | 'rids' | 'decision' | 'rule') => `approval:${ruleKey}:${field}`;

const fieldLabels: Record<string, { label: string; item: string }> = {
  id: { label: 'Rule id', item: 'character' },
  description: { label: 'Description', item: 'character' },
  directoryKinds: { label: 'Directory kinds', item: 'kind' },
  group: { label: 'Group', item: 'character' },
  tag: { label: 'Tag', item: 'character' },
  namePattern: { label: 'Name pattern', item: 'character' },
  rids: { label: 'RIDs', item: 'RID' },
  decision: { label: 'Decision', item: 'entry' },
};

/** Where a contract issue belongs: paths look like [field] or ['when', field, item?]. */
export function approvalIssueField(ruleKey: string, path: readonly PropertyKey[]): { field: string; label: string; item: string } {
  const [first, second] = path;
  const property = first === 'when' ? second : first;
  if (typeof property === 'string' && property in fieldLabels) {
    const labels = fieldLabels[property] ?? { label: property, item: 'entry' };
    return { field: approvalField(ruleKey, property as 'id'), ...labels };
  }
  return { field: approvalField(ruleKey, 'rule'), label: 'Rule', item: 'entry' };
}

/** One rule on its own, against the rest (for the editor dialog): problems keyed to its fields. */
export function validateApprovalRule(draft: ApprovalRuleDraft, others: readonly ApprovalRuleDraft[]): { rule: ApprovalRule; issues: FieldIssue[] } {
  const rule = draftToRule(draft);
  const issues: FieldIssue[] = [];
  const { bad } = parseRids(draft.rids);
  if (bad.length > 0) {
    issues.push({ field: approvalField(draft.key, 'rids'), message: `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is not a RID' : 'are not RIDs'}: use whole numbers such as 500.` });
  }
  const parsed = approvalRuleSchema.safeParse(rule);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = approvalIssueField(draft.key, issue.path);
      issues.push({ field: where.field, message: issueSentence(issue, where.label, where.item) });
    }
  }
  const id = rule.id.toLowerCase();
  if (id !== '' && others.some((other) => other.key !== draft.key && other.id.trim().toLowerCase() === id)) {
    issues.push({ field: approvalField(draft.key, 'id'), message: `Another rule already has the id "${rule.id}"; each must be unique.` });
  }
  return { rule, issues };
}

/** The whole ordered list, as it would be saved. */
export function validateApprovalDraft(drafts: readonly ApprovalRuleDraft[]): { rules: ApprovalRule[]; issues: FieldIssue[] } {
  const rules = drafts.map(draftToRule);
  const issues: FieldIssue[] = [];
  for (const draft of drafts) issues.push(...validateApprovalRule(draft, drafts).issues);
  const parsed = approvalRulesSchema.safeParse(rules);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [index, ...rest] = issue.path;
      const draft = typeof index === 'number' ? drafts[index] : undefined;
      if (!draft) {
        issues.push({ field: 'approval:list', message: issueSentence(issue, 'The rule list', 'rule') });
        continue;
      }
      const where = rest.length === 0 ? { field: approvalField(draft.key, 'id'), label: 'Rule id', item: 'character' } : approvalIssueField(draft.key, rest);
      const message = issueSentence(issue, where.label, where.item);
      if (!issues.some((known) => known.field === where.field)) issues.push({ field: where.field, message });
    }
  }
  return { rules, issues };
}

// ---- editing -------------------------------------------------------------

/** The list with the item at `index` moved by `delta` places; unchanged when it would leave the list. */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length || delta === 0) return [...items];
  const next = [...items];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved as T);
  return next;
}

export type ApprovalDraftAction =
  | { type: 'reset'; saved: readonly ApprovalRule[] }
  | { type: 'add'; rule: ApprovalRuleDraft }
  | { type: 'replace'; rule: ApprovalRuleDraft }
  | { type: 'remove'; key: string }
  | { type: 'move'; key: string; delta: -1 | 1 };

export function approvalDraftReducer(state: ApprovalDraftState, action: ApprovalDraftAction): ApprovalDraftState {
  switch (action.type) {
    case 'reset':
      return initialApprovalDraft(action.saved);
    case 'add':
      return { rules: [...state.rules, action.rule], nextKey: state.nextKey + 1 };
    case 'replace':
      return { ...state, rules: state.rules.map((rule) => (rule.key === action.rule.key ? action.rule : rule)) };
    case 'remove':
      return { ...state, rules: state.rules.filter((rule) => rule.key !== action.key) };
    case 'move': {
      const index = state.rules.findIndex((rule) => rule.key === action.key);
      if (index < 0) return state;
      const rules = moveItem(state.rules, index, action.delta);
      return rules.every((rule, i) => rule === state.rules[i]) ? state : { ...state, rules };
    }
  }
}
