// Keeps the store in step with the connection: mirrors its state, and each
// time it comes online (first start, or back after a drop) loads what the
// header and settings need from the host.
import { useEffect } from 'react';
import { callErrorMessage } from '../lib/errors';
import type { RekeyConnection } from '../bridge/connect';
import { useConsoleStore } from '../state/store';

export function useConsoleBootstrap(connection: RekeyConnection): void {
  const setConnection = useConsoleStore((state) => state.setConnection);
  const loaded = useConsoleStore((state) => state.loaded);
  const setLoadError = useConsoleStore((state) => state.setLoadError);

  useEffect(() => {
    let active = true;
    const load = async () => {
      try {
        const [appInfo, settings] = await Promise.all([connection.api.app.info(), connection.api.settings.get()]);
        if (active) loaded(appInfo, settings);
      } catch (error) {
        if (!active) return;
        const reason = callErrorMessage(error);
        setLoadError(`The console could not read its settings and version from the host. ${reason}`);
      }
    };
    const follow = (state: ReturnType<RekeyConnection['state']>) => {
      setConnection(state);
      if (state.status === 'online') void load();
    };
    follow(connection.state());
    const unsubscribe = connection.onStateChange(follow);
    return () => {
      active = false;
      unsubscribe();
    };
  }, [connection, loaded, setConnection, setLoadError]);
}
