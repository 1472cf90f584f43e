// Submitting an Add form: the call, its busy state, and its outcome in words.
// Optionally signs in straight after (Entra: the operator asked for it).
import { useCallback, useState } from 'react';
import type { AddConnectionRequest, ConnectionView } from '../../../preload/contract';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { callErrorMessage } from '../../lib/errors';
import { useConnectionsStore } from '../../state/connections-store';

export type AddStatus = { phase: 'idle' } | { phase: 'adding' } | { phase: 'added'; view: ConnectionView } | { phase: 'failed'; message: string };

export function useAddConnection(): { status: AddStatus; add(request: AddConnectionRequest, options?: { signIn?: boolean }): Promise<ConnectionView | null>; reset(): void } {
  const { api } = useRekeyConnection();
  const [status, setStatus] = useState<AddStatus>({ phase: 'idle' });

  const add = useCallback(
    async (request: AddConnectionRequest, options: { signIn?: boolean } = {}) => {
      setStatus({ phase: 'adding' });
      try {
        const view = await useConnectionsStore.getState().add(api.connections, request);
        setStatus({ phase: 'added', view });
        if (options.signIn && view.status !== 'connected') void useConnectionsStore.getState().signIn(api.connections, view.id);
        return view;
      } catch (error) {
        setStatus({ phase: 'failed', message: callErrorMessage(error) });
        return null;
      }
    },
    [api],
  );

  const reset = useCallback(() => setStatus({ phase: 'idle' }), []);
  return { status, add, reset };
}
