// Feeds run.event (and run.failed) into the run store. Subscribed once per connection for the
// life of the console, not per mount: a run keeps going while the operator
// looks at another screen, and its rows must be current when they come back.
import { useEffect } from 'react';
import type { RekeyApi } from '../../../preload/contract';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { runStore } from '../../state/run-store';

const following = new WeakSet<RekeyApi>();

export function followRunEvents(api: RekeyApi): void {
  if (following.has(api)) return;
  following.add(api);
  api.on('run.event', (event) => runStore.getState().enqueue(event));
  api.on('run.failed', (failure) => runStore.getState().runFailed(failure.runId, failure.message));
}

export function useRunEvents(): void {
  const { api } = useRekeyConnection();
  useEffect(() => followRunEvents(api), [api]);
}
