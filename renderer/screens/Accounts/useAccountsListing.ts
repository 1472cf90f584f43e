// Keeps the account list current while the Accounts screen is shown: loads it
// when the console comes online, checks it again when the screen reopens, and
// re-reads it when a connection changes.
import { useEffect } from 'react';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { useAccountsStore } from '../../state/accounts-store';
import { useConsoleStore } from '../../state/store';

export function useAccountsListing(): void {
  const { api } = useRekeyConnection();
  const online = useConsoleStore((state) => state.connection.status === 'online');

  useEffect(() => {
    if (online) void useAccountsStore.getState().revalidate(api.accounts);
  }, [api, online]);

  useEffect(
    () =>
      api.on('connections.changed', () => {
        void useAccountsStore.getState().revalidate(api.accounts);
      }),
    [api],
  );
}
