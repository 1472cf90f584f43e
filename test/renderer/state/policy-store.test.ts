import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../preload/contract';
import { usePolicyStore } from '../../../renderer/state/policy-store';

const initial = usePolicyStore.getState();
beforeEach(() => usePolicyStore.setState(initial, true));

describe('policy store', () => {
  it('keeps unsaved edits when the saved value is the same (in any key order)', () => {
    const store = usePolicyStore.getState();
    store.syncExclusions(defaultSettings.exclusionSets);
    store.editExclusions({ type: 'add-set' });
    expect(usePolicyStore.getState().exclusions.sets).toHaveLength(4);
    // main answers with the schema's key order; that is not a change.
    const reordered = JSON.parse(JSON.stringify(defaultSettings.exclusionSets, ['rules', 'type', 'id', 'note', 'accounts', 'patterns', 'tags', 'description', 'name'])) as typeof defaultSettings.exclusionSets;
    store.syncExclusions(reordered);
    expect(usePolicyStore.getState().exclusions.sets).toHaveLength(4);
  });

  it('starts the draft again when what main saved changed', () => {
    const store = usePolicyStore.getState();
    store.syncApprovals(defaultSettings.approvalRules);
    const first = usePolicyStore.getState().approvals.rules[0];
    store.editApprovals({ type: 'remove', key: first?.key ?? '' });
    expect(usePolicyStore.getState().approvals.rules).toHaveLength(1);
    store.syncApprovals([...defaultSettings.approvalRules, { id: 'block-ceo', when: { namePattern: 'ceo*' }, decision: 'block' }]);
    expect(usePolicyStore.getState().approvals.rules.map((rule) => rule.id)).toEqual(['privileged-typed-confirm', 'builtin-administrator-typed-confirm', 'block-ceo']);
  });
});
