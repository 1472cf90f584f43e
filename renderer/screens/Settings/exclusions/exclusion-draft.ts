// The exclusion-set editor's draft: the saved sets turned into form fields
// (lists as one-per-line text, tags as comma-separated text), edited through a
// reducer, and turned back into contract shape for validation and saving.
// Drafts carry a stable `key` per set and rule so React rows and field errors
// survive renames and reordering.
import type { z } from 'zod';
import { exclusionSets as exclusionSetsSchema, type exclusionRule, type exclusionSet } from '../../../../preload/contract';
import { issueSentence, type FieldIssue } from '../field-issues';
import { sameValue } from '../same-value';

export type ExclusionSet = z.infer<typeof exclusionSet>;
export type ExclusionRule = z.infer<typeof exclusionRule>;
export type ExclusionRuleType = ExclusionRule['type'];

export interface RuleDraft {
  key: string;
  id: string;
  type: ExclusionRuleType;
  note: string;
  /** accounts, never-touch: one account per line. */
  accounts: string;
  /** name-pattern */
  pattern: string;
  /** group */
  group: string;
  /** builtin-rid: numbers separated by commas or spaces. */
  rids: string;
  /** service-account: one glob per line. */
  patterns: string;
}

export interface SetDraft {
  key: string;
  name: string;
  description: string;
  /** Comma-separated. */
  tags: string;
  rules: RuleDraft[];
}

export interface ExclusionDraftState {
  sets: SetDraft[];
  selectedKey: string | null;
  /** Source of draft keys; only ever grows so keys are never reused. */
  nextKey: number;
}

/** What each rule type means, in the words the editor shows. Order is the "Add rule" menu's order. */
export const ruleTypeInfo: Record<ExclusionRuleType, { label: string; hint: string }> = {
  'never-touch': {
    label: 'Never touch',
    hint: 'These accounts are protected whichever exclusion set a run uses (break-glass accounts). One login, UPN, email or HOST\\name per line.',
  },
  accounts: { label: 'Listed accounts', hint: 'One login, UPN, email, account id or HOST\\name per line. Case does not matter.' },
  'name-pattern': { label: 'Name pattern', hint: 'Matches the login or display name. * is any run of characters, ? one character; case does not matter.' },
  group: { label: 'Group member', hint: 'Accounts that are members of this group (exact group name, case does not matter).' },
  privileged: { label: 'Privileged accounts', hint: 'Accounts holding an admin role or in an administrators group.' },
  'builtin-rid': {
    label: 'Built-in Windows accounts',
    hint: 'Recognised by the RID of their SID, never by their translated names: 500 Administrator, 501 Guest, 503 DefaultAccount, 504 WDAGUtilityAccount.',
  },
  disabled: { label: 'Disabled accounts', hint: 'Skip accounts that are disabled; the flag would only apply once they are enabled.' },
  'service-account': { label: 'Service account patterns', hint: 'Logins that look like service accounts. One glob per line, for example svc-* or *$.' },
  'current-user': { label: 'Your own account', hint: 'The account you are signed in with. Always protected; this rule records it in the set too.' },
  'connection-account': { label: 'Connection account', hint: 'The account Rekey uses to reach the directory (the WinRM credential, the service principal). Always protected.' },
};

export const ruleTypes = Object.keys(ruleTypeInfo) as ExclusionRuleType[];

/** Rule types whose editor has no field besides the note. */
export function ruleHasFields(type: ExclusionRuleType): boolean {
  return type === 'accounts' || type === 'never-touch' || type === 'name-pattern' || type === 'group' || type === 'builtin-rid' || type === 'service-account';
}

// ---- conversions ---------------------------------------------------------

export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** "500, 501 503" -> numbers, or the tokens that are not whole numbers. */
export function parseRids(text: string): { rids: number[]; bad: string[] } {
  const tokens = text.split(/[\s,;]+/).filter((token) => token !== '');
  const rids: number[] = [];
  const bad: string[] = [];
  for (const token of tokens) {
    if (/^\d+$/.test(token)) rids.push(Number(token));
    else bad.push(token);
  }
  return { rids, bad };
}

const emptyRule = { note: '', accounts: '', pattern: '', group: '', rids: '', patterns: '' };

export function ruleToDraft(rule: ExclusionRule, key: string): RuleDraft {
  const draft: RuleDraft = { ...emptyRule, key, id: rule.id, type: rule.type, note: rule.note ?? '' };
  switch (rule.type) {
    case 'accounts':
    case 'never-touch':
      return { ...draft, accounts: rule.accounts.join('\n') };
    case 'name-pattern':
      return { ...draft, pattern: rule.pattern };
    case 'group':
      return { ...draft, group: rule.group };
    case 'builtin-rid':
      return { ...draft, rids: rule.rids.join(', ') };
    case 'service-account':
      return { ...draft, patterns: rule.patterns.join('\n') };
    default:
      return draft;
  }
}

/** The rule in contract shape. RIDs that are not numbers are dropped here and reported by ruleLocalIssues. */
export function draftToRule(draft: RuleDraft): ExclusionRule {
  const note = draft.note.trim() === '' ? {} : { note: draft.note.trim() };
  const base = { id: draft.id.trim(), ...note };
  switch (draft.type) {
    case 'accounts':
    case 'never-touch':
      return { ...base, type: draft.type, accounts: splitLines(draft.accounts) };
    case 'name-pattern':
      return { ...base, type: 'name-pattern', pattern: draft.pattern.trim() };
    case 'group':
      return { ...base, type: 'group', group: draft.group.trim() };
    case 'builtin-rid':
      return { ...base, type: 'builtin-rid', rids: parseRids(draft.rids).rids };
    case 'service-account':
      return { ...base, type: 'service-account', patterns: splitLines(draft.patterns) };
    default:
      return { ...base, type: draft.type };
  }
}

export function setToDraft(set: ExclusionSet, keyOf: () => string): SetDraft {
  return {
    key: keyOf(),
    name: set.name,
    description: set.description ?? '',
    tags: set.tags.join(', '),
    rules: set.rules.map((rule) => ruleToDraft(rule, keyOf())),
  };
}

export function draftToSet(draft: SetDraft): ExclusionSet {
  const description = draft.description.trim();
  return {
    name: draft.name.trim(),
    ...(description === '' ? {} : { description }),
    tags: splitTags(draft.tags),
    rules: draft.rules.map(draftToRule),
  };
}

export function draftToSets(sets: readonly SetDraft[]): ExclusionSet[] {
  return sets.map(draftToSet);
}

export function initialExclusionDraft(saved: readonly ExclusionSet[]): ExclusionDraftState {
  let next = 0;
  const keyOf = () => `k${++next}`;
  const sets = saved.map((set) => setToDraft(set, keyOf));
  return { sets, selectedKey: sets[0]?.key ?? null, nextKey: next + 1 };
}

/** True when the draft would save something different from what is saved. */
export function exclusionDraftChanged(state: ExclusionDraftState, saved: readonly ExclusionSet[]): boolean {
  return !sameValue(draftToSets(state.sets), saved);
}

// ---- field keys and validation ------------------------------------------

export const setField = (setKey: string, field: 'name' | 'description' | 'tags' | 'rules') => `set:${setKey}:${field}`;
export const ruleField = (ruleKey: string, field: 'id' | 'note' | 'accounts' | 'pattern' | 'group' | 'rids' | 'patterns' | 'rule') => `rule:${ruleKey}:${field}`;

const ruleFieldLabels: Record<string, { label: string; item: string }> = {
  id: { label: 'Rule id', item: 'character' },
  note: { label: 'Note', item: 'character' },
  accounts: { label: 'Accounts', item: 'account' },
  pattern: { label: 'Pattern', item: 'character' },
  group: { label: 'Group', item: 'character' },
  rids: { label: 'RIDs', item: 'RID' },
  patterns: { label: 'Patterns', item: 'pattern' },
};

const setFieldLabels: Record<string, { label: string; item: string }> = {
  name: { label: 'Name', item: 'character' },
  description: { label: 'Description', item: 'character' },
  tags: { label: 'Tags', item: 'tag' },
  rules: { label: 'Rules', item: 'rule' },
};

/** Problems zod cannot see because the draft's text had to be parsed first. */
function localIssues(sets: readonly SetDraft[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const set of sets) {
    for (const rule of set.rules) {
      if (rule.type === 'builtin-rid') {
        const { bad } = parseRids(rule.rids);
        if (bad.length > 0) {
          issues.push({ field: ruleField(rule.key, 'rids'), message: `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is not a RID' : 'are not RIDs'}: use whole numbers such as 500, 501.` });
        }
      }
    }
    const ids = new Map<string, string>();
    for (const rule of set.rules) {
      const id = rule.id.trim().toLowerCase();
      const earlier = ids.get(id);
      if (earlier !== undefined && id !== '') issues.push({ field: ruleField(rule.key, 'id'), message: `Rule id "${rule.id.trim()}" is used twice in this set; each must be unique.` });
      ids.set(id, rule.key);
    }
  }
  return issues;
}

/** Where a contract issue belongs in the draft. Paths look like [set, 'rules', rule, field, item?]. */
export function exclusionIssueField(path: readonly PropertyKey[], sets: readonly SetDraft[]): { field: string; label: string; item: string } | null {
  const [setIndex, setProperty, ruleIndex, ruleProperty] = path;
  if (typeof setIndex !== 'number') return null;
  const set = sets[setIndex];
  if (!set) return null;
  if (setProperty === undefined) return { field: setField(set.key, 'name'), label: 'Name', item: 'character' };
  if (setProperty !== 'rules' || typeof ruleIndex !== 'number') {
    const property = typeof setProperty === 'string' && setProperty in setFieldLabels ? setProperty : 'name';
    const labels = setFieldLabels[property] ?? { label: 'Name', item: 'character' };
    return { field: setField(set.key, property as 'name' | 'description' | 'tags' | 'rules'), ...labels };
  }
  const rule = set.rules[ruleIndex];
  if (!rule) return { field: setField(set.key, 'rules'), label: 'Rules', item: 'rule' };
  if (typeof ruleProperty === 'string' && ruleProperty in ruleFieldLabels) {
    const labels = ruleFieldLabels[ruleProperty] ?? { label: ruleProperty, item: 'entry' };
    return { field: ruleField(rule.key, ruleProperty as 'id'), ...labels };
  }
  return { field: ruleField(rule.key, 'rule'), label: 'Rule', item: 'entry' };
}

export interface ExclusionValidation {
  sets: ExclusionSet[];
  issues: FieldIssue[];
}

/** The draft in contract shape plus every problem, each keyed to the field that shows it. */
export function validateExclusionDraft(drafts: readonly SetDraft[]): ExclusionValidation {
  const sets = draftToSets(drafts);
  const issues = localIssues(drafts);
  const parsed = exclusionSetsSchema.safeParse(sets);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = exclusionIssueField(issue.path, drafts);
      issues.push(where ? { field: where.field, message: issueSentence(issue, where.label, where.item) } : { field: 'sets', message: issue.message });
    }
  }
  return { sets, issues };
}

// ---- editing -------------------------------------------------------------

export type ExclusionDraftAction =
  | { type: 'reset'; saved: readonly ExclusionSet[] }
  | { type: 'select'; setKey: string }
  | { type: 'add-set' }
  | { type: 'update-set'; setKey: string; patch: Partial<Pick<SetDraft, 'name' | 'description' | 'tags'>> }
  | { type: 'delete-set'; setKey: string }
  | { type: 'add-rule'; setKey: string; ruleType: ExclusionRuleType }
  | { type: 'update-rule'; setKey: string; ruleKey: string; patch: Partial<Omit<RuleDraft, 'key' | 'type'>> }
  | { type: 'remove-rule'; setKey: string; ruleKey: string };

/** "New exclusion set", "New exclusion set 2", ... — a name not yet used. */
export function unusedName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((name) => name.trim().toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!lower.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}

/** "never-touch-1", "never-touch-2", ... — an id not yet used in the set. */
export function unusedRuleId(type: ExclusionRuleType, rules: readonly RuleDraft[]): string {
  const taken = new Set(rules.map((rule) => rule.id.trim().toLowerCase()));
  for (let n = 1; ; n++) if (!taken.has(`${type}-${n}`)) return `${type}-${n}`;
}

function mapSet(state: ExclusionDraftState, setKey: string, change: (set: SetDraft) => SetDraft): ExclusionDraftState {
  return { ...state, sets: state.sets.map((set) => (set.key === setKey ? change(set) : set)) };
}

export function exclusionDraftReducer(state: ExclusionDraftState, action: ExclusionDraftAction): ExclusionDraftState {
  switch (action.type) {
    case 'reset': {
      const fresh = initialExclusionDraft(action.saved);
      // Keep showing the set the operator was on when it still exists (after a save, by name).
      const current = state.sets.find((set) => set.key === state.selectedKey);
      const same = current ? fresh.sets.find((set) => set.name === current.name.trim()) : undefined;
      return { ...fresh, selectedKey: same?.key ?? fresh.selectedKey };
    }
    case 'select':
      return state.sets.some((set) => set.key === action.setKey) ? { ...state, selectedKey: action.setKey } : state;
    case 'add-set': {
      const key = `k${state.nextKey}`;
      const name = unusedName('New exclusion set', state.sets.map((set) => set.name));
      return { sets: [...state.sets, { key, name, description: '', tags: '', rules: [] }], selectedKey: key, nextKey: state.nextKey + 1 };
    }
    case 'update-set':
      return mapSet(state, action.setKey, (set) => ({ ...set, ...action.patch }));
    case 'delete-set': {
      const index = state.sets.findIndex((set) => set.key === action.setKey);
      if (index < 0) return state;
      const sets = state.sets.filter((set) => set.key !== action.setKey);
      // Select the neighbour, so the keyboard user lands somewhere sensible.
      const neighbour = sets[Math.min(index, sets.length - 1)];
      return { ...state, sets, selectedKey: state.selectedKey === action.setKey ? (neighbour?.key ?? null) : state.selectedKey };
    }
    case 'add-rule': {
      if (!state.sets.some((set) => set.key === action.setKey)) return state;
      const key = `k${state.nextKey}`;
      const next = mapSet(state, action.setKey, (set) => ({
        ...set,
        rules: [...set.rules, { ...emptyRule, key, id: unusedRuleId(action.ruleType, set.rules), type: action.ruleType }],
      }));
      return { ...next, nextKey: state.nextKey + 1 };
    }
    case 'update-rule':
      return mapSet(state, action.setKey, (set) => ({
        ...set,
        rules: set.rules.map((rule) => (rule.key === action.ruleKey ? { ...rule, ...action.patch } : rule)),
      }));
    case 'remove-rule':
      return mapSet(state, action.setKey, (set) => ({ ...set, rules: set.rules.filter((rule) => rule.key !== action.ruleKey) }));
  }
}

/** How many problems each set has (its own fields and its rules'), for the marker in the set list. */
export function issueCountBySet(sets: readonly SetDraft[], issues: readonly FieldIssue[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const set of sets) {
    const prefixes = [`set:${set.key}:`, ...set.rules.map((rule) => `rule:${rule.key}:`)];
    counts[set.key] = issues.filter((issue) => prefixes.some((prefix) => issue.field.startsWith(prefix))).length;
  }
  return counts;
}
