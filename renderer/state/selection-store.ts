// The accounts chosen for a reset, and the exclusion sets to apply to them.
// Made on the Accounts screen (grid picks, "select all matching", CSV import);
// read by Review & run to make the plan:
//
//   const { keys, exclusionSets } = useSelectionStore.getState();
//   api.plan.create({ selection: { by: 'keys', keys: [...keys] }, exclusionSets });
//
// API
//   keys: ReadonlySet<string>        account keys "directoryId|accountId"; a new Set on every change
//   exclusionSets: readonly string[] names of saved exclusion sets the operator chose
//   exclusionSetsChosen: boolean     false until the operator (or the default below) set them
//   replace(keys) / add(keys) / remove(keys) / clear()
//   setKeys(keys)                    the grid's gestures hand over the whole next selection
//   setExclusionSets(names)          the operator's choice
//   offerDefaultExclusionSets(names) every saved set, applied only while nothing was chosen:
//                                    excluding too much is the safe default
//
// Rows subscribe with useSelectionStore((s) => s.keys.has(key)), so a change
// re-renders only the rows whose state changed.
import { create } from 'zustand';

export interface SelectionState {
  keys: ReadonlySet<string>;
  exclusionSets: readonly string[];
  exclusionSetsChosen: boolean;
  replace(keys: Iterable<string>): void;
  add(keys: Iterable<string>): void;
  remove(keys: Iterable<string>): void;
  clear(): void;
  setKeys(keys: ReadonlySet<string>): void;
  setExclusionSets(names: readonly string[]): void;
  offerDefaultExclusionSets(names: readonly string[]): void;
}

const unique = (names: readonly string[]): string[] => [...new Set(names)];

export const useSelectionStore = create<SelectionState>()((set, get) => ({
  keys: new Set<string>(),
  exclusionSets: [],
  exclusionSetsChosen: false,
  replace: (keys) => set({ keys: new Set(keys) }),
  add: (keys) => {
    const next = new Set(get().keys);
    for (const key of keys) next.add(key);
    set({ keys: next });
  },
  remove: (keys) => {
    const next = new Set(get().keys);
    for (const key of keys) next.delete(key);
    set({ keys: next });
  },
  clear: () => set({ keys: new Set<string>() }),
  setKeys: (keys) => set({ keys }),
  setExclusionSets: (names) => set({ exclusionSets: unique(names), exclusionSetsChosen: true }),
  offerDefaultExclusionSets: (names) => {
    if (!get().exclusionSetsChosen) set({ exclusionSets: unique(names), exclusionSetsChosen: true });
  },
}));
