// Asks the main process which selected accounts the chosen exclusion sets
// keep out, whenever the panel is open and the selection or the sets change.
import { useEffect, useState } from 'react';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { callErrorMessage } from '../../lib/errors';
import { useSelectionStore } from '../../state/selection-store';
import { exclusionsView, type ExclusionsView } from './model/exclusions-view';

export type ExclusionPreviewState =
  | { phase: 'empty' }
  | { phase: 'loading' }
  | { phase: 'ready'; view: ExclusionsView }
  | { phase: 'failed'; message: string };

export function useExclusionPreview(open: boolean): ExclusionPreviewState {
  const { api } = useRekeyConnection();
  const keys = useSelectionStore((state) => state.keys);
  const exclusionSets = useSelectionStore((state) => state.exclusionSets);
  const [state, setState] = useState<ExclusionPreviewState>({ phase: 'empty' });

  useEffect(() => {
    if (!open) return;
    if (keys.size === 0) {
      setState({ phase: 'empty' });
      return;
    }
    let current = true;
    setState({ phase: 'loading' });
    api.plan
      .previewExclusions({ keys: [...keys], exclusionSets: [...exclusionSets] })
      .then((preview) => {
        if (current) setState({ phase: 'ready', view: exclusionsView(preview) });
      })
      .catch((error: unknown) => {
        if (current) setState({ phase: 'failed', message: callErrorMessage(error) });
      });
    return () => {
      current = false;
    };
  }, [api, open, keys, exclusionSets]);

  return state;
}
