// Until the operator chooses, every saved exclusion set applies (excluding
// too much is the safe mistake); a set deleted or renamed in Settings drops
// out of the choice.
import { useEffect } from 'react';
import { useSelectionStore } from '../../state/selection-store';
import { useConsoleStore } from '../../state/store';
import { keepKnownSets } from './model/exclusions-view';

export function useDefaultExclusionSets(): void {
  const sets = useConsoleStore((state) => state.settings?.exclusionSets);
  useEffect(() => {
    if (!sets) return;
    const names = sets.map((set) => set.name);
    const selection = useSelectionStore.getState();
    selection.offerDefaultExclusionSets(names);
    const kept = keepKnownSets(useSelectionStore.getState().exclusionSets, names);
    if (kept.length !== useSelectionStore.getState().exclusionSets.length) selection.setExclusionSets(kept);
  }, [sets]);
}
