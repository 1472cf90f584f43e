// Keeps the Connections screen current: reads the list when the console is
// online, again whenever main says a connection changed, and catches sign-in
// prompts (a device code to enter) as they arrive.
import { useEffect } from 'react';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { useConnectionsStore } from '../../state/connections-store';
import { useConsoleStore } from '../../state/store';

export function useConnectionsSync(): void {
  const { api } = useRekeyConnection();
  const online = useConsoleStore((state) => state.connection.status === 'online');

  useEffect(() => {
    if (online) void useConnectionsStore.getState().refresh(api.connections);
  }, [api, online]);

  useEffect(() => {
    const offChanged = api.on('connections.changed', () => void useConnectionsStore.getState().refresh(api.connections));
    const offPrompt = api.on('connections.prompt', (prompt) => useConnectionsStore.getState().showPrompt(prompt));
    return () => {
      offChanged();
      offPrompt();
    };
  }, [api]);
}
