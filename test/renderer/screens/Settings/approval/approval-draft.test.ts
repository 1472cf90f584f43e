import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../../preload/contract';
import {
  approvalDraftChanged,
  approvalDraftReducer,
  approvalField,
  conditionSummary,
  draftToRule,
  initialApprovalDraft,
  moveItem,
  newRuleDraft,
  validateApprovalDraft,
  validateApprovalRule,
  type ApprovalRule,
} from '../../../../../renderer/screens/Settings/approval/approval-draft';
import { toFieldErrors } from '../../../../../renderer/screens/Settings/field-issues';

const saved = defaultSettings.approvalRules;

describe('approval rule draft conversions', () => {
  it('turns the saved rules into a draft and back without changing them', () => {
    const draft = initialApprovalDraft(saved);
    expect(draft.rules.map(draftToRule)).toEqual(saved);
    expect(approvalDraftChanged(draft, saved)).toBe(false);
  });

  it('leaves empty conditions out, so they do not narrow the match', () => {
    const blank = newRuleDraft('r9', []);
    expect(draftToRule({ ...blank, group: '  ', tag: '', rids: ' ' })).toEqual({ id: 'rule-1', when: {}, decision: 'confirm' });
    expect(draftToRule({ ...blank, privileged: 'no', directoryKinds: ['windows', 'entra'], rids: '500 501', namePattern: ' adm-* ' })).toEqual({
      id: 'rule-1',
      when: { privileged: false, directoryKinds: ['entra', 'windows'], rids: [500, 501], namePattern: 'adm-*' },
      decision: 'confirm',
    });
  });

  it('gives a new rule an id no other rule has', () => {
    const draft = initialApprovalDraft([{ id: 'rule-1', when: {}, decision: 'auto' }, { id: 'RULE-2', when: {}, decision: 'auto' }]);
    expect(newRuleDraft('x', draft.rules).id).toBe('rule-3');
  });
});

describe('moving rules', () => {
  it('moves an item up and down and refuses to leave the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('reorders the draft and marks it changed; a move past either end changes nothing', () => {
    const start = initialApprovalDraft(saved);
    const [first, second] = start.rules;
    const moved = approvalDraftReducer(start, { type: 'move', key: second?.key ?? '', delta: -1 });
    expect(moved.rules.map((rule) => rule.id)).toEqual([second?.id, first?.id]);
    expect(approvalDraftChanged(moved, saved)).toBe(true);
    expect(approvalDraftReducer(start, { type: 'move', key: first?.key ?? '', delta: -1 })).toBe(start);
    expect(approvalDraftReducer(start, { type: 'move', key: second?.key ?? '', delta: 1 })).toBe(start);
    expect(approvalDraftReducer(moved, { type: 'move', key: second?.key ?? '', delta: 1 }).rules.map(draftToRule)).toEqual(saved);
  });

  it('adds, replaces and removes rules', () => {
    let state = initialApprovalDraft(saved);
    const added = { ...newRuleDraft(`r${state.nextKey}`, state.rules), decision: 'block' as const, namePattern: 'ceo*' };
    state = approvalDraftReducer(state, { type: 'add', rule: added });
    expect(state.nextKey).toBe(saved.length + 2);
    state = approvalDraftReducer(state, { type: 'replace', rule: { ...added, decision: 'auto' } });
    expect(state.rules.at(-1)?.decision).toBe('auto');
    state = approvalDraftReducer(state, { type: 'remove', key: added.key });
    expect(approvalDraftChanged(state, saved)).toBe(false);
  });
});

describe('rule descriptions', () => {
  const rule = (when: ApprovalRule['when']): ApprovalRule => ({ id: 'x', when, decision: 'confirm' });
  it('says what a rule matches in words', () => {
    expect(conditionSummary(rule({}))).toBe('Every account');
    expect(conditionSummary(rule({ privileged: true }))).toBe('Privileged accounts');
    expect(conditionSummary(rule({ directoryKinds: ['windows'], rids: [500] }))).toBe('Accounts in Windows local, with RID 500');
    expect(conditionSummary(rule({ privileged: false, directoryKinds: ['entra', 'okta'], namePattern: 'adm-*', group: 'Sales', tag: 'vip', rids: [500, 501] }))).toBe(
      'Accounts that are not privileged in Entra ID or Okta, in group "Sales", tagged "vip", whose name matches "adm-*", with RID 500 or 501',
    );
  });
});

describe('approval rule validation', () => {
  it('accepts the default rules', () => {
    expect(validateApprovalDraft(initialApprovalDraft(saved).rules).issues).toEqual([]);
  });

  it('puts an empty id, a clashing id and bad RIDs at their fields', () => {
    const state = initialApprovalDraft(saved);
    const [first, second] = state.rules;
    if (!first || !second) throw new Error('defaults changed');
    const empty = toFieldErrors(validateApprovalRule({ ...first, id: '  ' }, state.rules).issues);
    expect(empty[approvalField(first.key, 'id')]).toBe('Rule id is required.');
    const clash = toFieldErrors(validateApprovalRule({ ...second, id: first.id.toUpperCase() }, state.rules).issues);
    expect(clash[approvalField(second.key, 'id')]).toBe(`Another rule already has the id "${first.id.toUpperCase()}"; each must be unique.`);
    const rids = toFieldErrors(validateApprovalRule({ ...second, rids: '500, admin' }, state.rules).issues);
    expect(rids[approvalField(second.key, 'rids')]).toBe('"admin" is not a RID: use whole numbers such as 500.');
    const long = toFieldErrors(validateApprovalRule({ ...second, tag: 'x'.repeat(51) }, state.rules).issues);
    expect(long[approvalField(second.key, 'tag')]).toBe('Tag is too long: at most 50 characters.');
  });

  it('finds the same problems over the whole list, keyed to each rule', () => {
    const state = initialApprovalDraft(saved);
    const [first, second] = state.rules;
    if (!first || !second) throw new Error('defaults changed');
    const rules = [first, { ...second, id: first.id }];
    const errors = toFieldErrors(validateApprovalDraft(rules).issues);
    expect(Object.keys(errors)).toEqual(expect.arrayContaining([approvalField(second.key, 'id')]));
  });
});
