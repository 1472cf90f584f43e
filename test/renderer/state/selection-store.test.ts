import { beforeEach, describe, expect, it } from 'vitest';
import { useSelectionStore } from '../../../renderer/state/selection-store';

const store = () => useSelectionStore.getState();

beforeEach(() => useSelectionStore.setState({ keys: new Set(), exclusionSets: [], exclusionSetsChosen: false }));

describe('selection store', () => {
  it('replaces, adds, removes and clears keys, with a new Set each time (so selectors see the change)', () => {
    const before = store().keys;
    store().replace(['a|1', 'a|2']);
    expect(store().keys).not.toBe(before);
    store().add(['a|3', 'a|1']);
    expect([...store().keys]).toEqual(['a|1', 'a|2', 'a|3']);
    store().remove(['a|2']);
    expect([...store().keys]).toEqual(['a|1', 'a|3']);
    store().clear();
    expect(store().keys.size).toBe(0);
  });

  it('offers every saved exclusion set by default, but never over the operator\'s choice', () => {
    store().offerDefaultExclusionSets(['Break-glass', 'Service accounts']);
    expect(store().exclusionSets).toEqual(['Break-glass', 'Service accounts']);
    store().setExclusionSets(['Break-glass', 'Break-glass']);
    expect(store().exclusionSets).toEqual(['Break-glass']);
    store().offerDefaultExclusionSets(['Break-glass', 'Service accounts', 'Disabled accounts']);
    expect(store().exclusionSets).toEqual(['Break-glass']);
  });
});
