// Loads the runs and the timeline for the Activity screen: on opening and on
// Refresh. Each fails on its own, with its own sentence.
import { useCallback, useEffect } from 'react';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { callErrorMessage } from '../../lib/errors';
import { useActivityStore } from '../../state/activity-store';

export function useActivityData(): { reload: () => void } {
  const { api } = useRekeyConnection();
  const reload = useCallback(() => {
    const store = useActivityStore.getState();
    store.reloading();
    api.activity.runs().then(
      (runs) => useActivityStore.getState().setRuns({ status: 'loaded', value: runs }),
      (error: unknown) => useActivityStore.getState().setRuns({ status: 'failed', error: `The runs could not be listed. ${callErrorMessage(error)}` }),
    );
    api.activity.timeline().then(
      (timeline) => useActivityStore.getState().setTimeline({ status: 'loaded', value: timeline }),
      (error: unknown) => useActivityStore.getState().setTimeline({ status: 'failed', error: `The timeline could not be read. ${callErrorMessage(error)}` }),
    );
  }, [api]);
  useEffect(() => reload(), [reload]);
  return { reload };
}
