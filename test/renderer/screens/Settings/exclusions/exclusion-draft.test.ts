import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../../preload/contract';
import {
  draftToSets,
  exclusionDraftChanged,
  exclusionDraftReducer,
  initialExclusionDraft,
  issueCountBySet,
  parseRids,
  ruleField,
  ruleTypes,
  setField,
  splitLines,
  validateExclusionDraft,
  type ExclusionDraftState,
  type ExclusionSet,
} from '../../../../../renderer/screens/Settings/exclusions/exclusion-draft';
import { toFieldErrors } from '../../../../../renderer/screens/Settings/field-issues';

const saved = defaultSettings.exclusionSets;

function withSet(state: ExclusionDraftState, index = 0) {
  const set = state.sets[index];
  if (!set) throw new Error(`no set ${index}`);
  return set;
}

describe('exclusion set draft conversions', () => {
  it('turns the saved sets into a draft and back without changing them', () => {
    const draft = initialExclusionDraft(saved);
    expect(draftToSets(draft.sets)).toEqual(saved);
    expect(exclusionDraftChanged(draft, saved)).toBe(false);
    expect(draft.selectedKey).toBe(withSet(draft).key);
  });

  it('round-trips a rule of every type in the contract', () => {
    const sets: ExclusionSet[] = [
      {
        name: 'All types',
        description: 'one of each',
        tags: ['a', 'b'],
        rules: [
          { id: 'r1', type: 'accounts', accounts: ['alice', 'HOST\\bob'], note: 'listed' },
          { id: 'r2', type: 'name-pattern', pattern: 'adm-*' },
          { id: 'r3', type: 'group', group: 'Domain Admins' },
          { id: 'r4', type: 'privileged' },
          { id: 'r5', type: 'builtin-rid', rids: [500, 501] },
          { id: 'r6', type: 'disabled' },
          { id: 'r7', type: 'service-account', patterns: ['svc-*', '*$'] },
          { id: 'r8', type: 'never-touch', accounts: ['breakglass01@contoso.com'] },
          { id: 'r9', type: 'current-user' },
          { id: 'r10', type: 'connection-account', note: 'winrm' },
        ],
      },
    ];
    expect(new Set(sets[0]?.rules.map((rule) => rule.type))).toEqual(new Set(ruleTypes));
    expect(draftToSets(initialExclusionDraft(sets).sets)).toEqual(sets);
  });

  it('reads one-per-line lists and RID lists forgivingly, and reports what is not a number', () => {
    expect(splitLines('  alice \r\n\n bob\n')).toEqual(['alice', 'bob']);
    expect(parseRids('500, 501 503;x1')).toEqual({ rids: [500, 501, 503], bad: ['x1'] });
  });
});

describe('exclusion set draft editing', () => {
  it('adds sets with unused names and selects the new one', () => {
    let state = initialExclusionDraft([]);
    state = exclusionDraftReducer(state, { type: 'add-set' });
    state = exclusionDraftReducer(state, { type: 'add-set' });
    expect(state.sets.map((set) => set.name)).toEqual(['New exclusion set', 'New exclusion set 2']);
    expect(state.selectedKey).toBe(withSet(state, 1).key);
    expect(new Set(state.sets.map((set) => set.key)).size).toBe(2);
  });

  it('adds rules with ids unique in the set, edits and removes them', () => {
    let state = initialExclusionDraft([]);
    state = exclusionDraftReducer(state, { type: 'add-set' });
    const setKey = withSet(state).key;
    state = exclusionDraftReducer(state, { type: 'add-rule', setKey, ruleType: 'never-touch' });
    state = exclusionDraftReducer(state, { type: 'add-rule', setKey, ruleType: 'never-touch' });
    const [first, second] = withSet(state).rules;
    expect([first?.id, second?.id]).toEqual(['never-touch-1', 'never-touch-2']);
    state = exclusionDraftReducer(state, { type: 'update-rule', setKey, ruleKey: second?.key ?? '', patch: { accounts: 'breakglass01\nbreakglass02', note: 'break glass' } });
    state = exclusionDraftReducer(state, { type: 'remove-rule', setKey, ruleKey: first?.key ?? '' });
    expect(draftToSets(state.sets)[0]?.rules).toEqual([{ id: 'never-touch-2', type: 'never-touch', accounts: ['breakglass01', 'breakglass02'], note: 'break glass' }]);
  });

  it('ignores a rule added to a set that does not exist', () => {
    const state = initialExclusionDraft(saved);
    expect(exclusionDraftReducer(state, { type: 'add-rule', setKey: 'nope', ruleType: 'disabled' })).toBe(state);
  });

  it('selects the neighbour when the selected set is deleted', () => {
    let state = initialExclusionDraft(saved);
    const [a, b, c] = state.sets;
    state = exclusionDraftReducer(state, { type: 'select', setKey: b?.key ?? '' });
    state = exclusionDraftReducer(state, { type: 'delete-set', setKey: b?.key ?? '' });
    expect(state.sets.map((set) => set.key)).toEqual([a?.key, c?.key]);
    expect(state.selectedKey).toBe(c?.key);
    state = exclusionDraftReducer(state, { type: 'delete-set', setKey: c?.key ?? '' });
    expect(state.selectedKey).toBe(a?.key);
    expect(exclusionDraftChanged(state, saved)).toBe(true);
  });

  it('keeps the selected set selected (by name) when the draft starts again from a save', () => {
    let state = initialExclusionDraft(saved);
    const second = withSet(state, 1);
    state = exclusionDraftReducer(state, { type: 'select', setKey: second.key });
    state = exclusionDraftReducer(state, { type: 'update-set', setKey: second.key, patch: { name: ' Renamed ' } });
    const afterSave = draftToSets(state.sets);
    state = exclusionDraftReducer(state, { type: 'reset', saved: afterSave });
    expect(state.sets.find((set) => set.key === state.selectedKey)?.name).toBe('Renamed');
  });
});

describe('exclusion set validation', () => {
  it('accepts the default sets', () => {
    expect(validateExclusionDraft(initialExclusionDraft(saved).sets).issues).toEqual([]);
  });

  it('puts each problem at its field, in words', () => {
    let state = initialExclusionDraft(saved);
    const setKey = withSet(state).key;
    state = exclusionDraftReducer(state, { type: 'add-rule', setKey, ruleType: 'name-pattern' });
    state = exclusionDraftReducer(state, { type: 'add-rule', setKey, ruleType: 'builtin-rid' });
    state = exclusionDraftReducer(state, { type: 'add-rule', setKey, ruleType: 'service-account' });
    const [, pattern, rid, service] = withSet(state).rules;
    state = exclusionDraftReducer(state, { type: 'update-rule', setKey, ruleKey: rid?.key ?? '', patch: { rids: '500, five' } });
    state = exclusionDraftReducer(state, { type: 'update-set', setKey: withSet(state, 1).key, patch: { name: 'break-glass ' } });
    state = exclusionDraftReducer(state, { type: 'update-set', setKey, patch: { name: 'Break-glass' } });
    state = exclusionDraftReducer(state, { type: 'update-set', setKey: withSet(state, 2).key, patch: { name: '   ' } });

    const errors = toFieldErrors(validateExclusionDraft(state.sets).issues);
    expect(errors[ruleField(pattern?.key ?? '', 'pattern')]).toBe('Pattern is required.');
    expect(errors[ruleField(rid?.key ?? '', 'rids')]).toBe('"five" is not a RID: use whole numbers such as 500, 501.');
    expect(errors[ruleField(service?.key ?? '', 'patterns')]).toBe('Add at least one pattern.');
    expect(errors[setField(withSet(state, 2).key, 'name')]).toBe('Name is required.');
    // Names differ only by case and spaces: the contract compares the trimmed names exactly, so this pair is allowed...
    expect(errors[setField(withSet(state, 1).key, 'name')]).toBeUndefined();
  });

  it('reports a set name used twice at the second set', () => {
    let state = initialExclusionDraft(saved);
    state = exclusionDraftReducer(state, { type: 'update-set', setKey: withSet(state, 2).key, patch: { name: 'Break-glass ' } });
    const errors = toFieldErrors(validateExclusionDraft(state.sets).issues);
    expect(errors[setField(withSet(state, 2).key, 'name')]).toBe('The exclusion set name "Break-glass" is used twice; each must be unique.');
    expect(errors[setField(withSet(state, 0).key, 'name')]).toBeUndefined();
  });

  it('counts problems per set for the set list', () => {
    let state = initialExclusionDraft(saved);
    const setKey = withSet(state, 1).key;
    state = exclusionDraftReducer(state, { type: 'add-rule', setKey, ruleType: 'group' });
    state = exclusionDraftReducer(state, { type: 'add-rule', setKey, ruleType: 'accounts' });
    const counts = issueCountBySet(state.sets, validateExclusionDraft(state.sets).issues);
    expect(counts).toEqual({ [withSet(state, 0).key]: 0, [setKey]: 1, [withSet(state, 2).key]: 0 });
  });
});
