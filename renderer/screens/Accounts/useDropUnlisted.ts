// Drops selected accounts that a complete listing no longer contains, and
// remembers how many, so the screen can say so instead of shrinking the
// selection silently.
import { useEffect, useState } from 'react';
import { useAccountsStore } from '../../state/accounts-store';
import { useSelectionStore } from '../../state/selection-store';
import { failedDirectories } from './model/page-loader';
import { unlistedKeys } from './model/selection-prune';

export function useDropUnlisted(): { dropped: number; dismiss(): void } {
  const phase = useAccountsStore((state) => state.phase);
  const table = useAccountsStore((state) => state.table);
  const progress = useAccountsStore((state) => state.progress);
  const [dropped, setDropped] = useState(0);

  useEffect(() => {
    if (phase !== 'loaded' || failedDirectories(progress).length > 0) return;
    const selection = useSelectionStore.getState();
    const missing = unlistedKeys(selection.keys, table);
    if (missing.length === 0) return;
    selection.remove(missing);
    setDropped((count) => count + missing.length);
  }, [phase, table, progress]);

  return { dropped, dismiss: () => setDropped(0) };
}
