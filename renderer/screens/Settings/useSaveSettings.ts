// Saving a settings change: send the patch, keep what main saved (it is the
// truth, after validation and merge), and say in words whether it worked.
// Errors from window.rekey are plain objects inside Electron, so they are read
// with callErrorMessage, never with instanceof.
import { useCallback, useState } from 'react';
import type { SettingsPatch } from '../../../preload/contract';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { callErrorMessage } from '../../lib/errors';
import { useConsoleStore } from '../../state/store';

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; message: string } | { kind: 'failed'; message: string };

export function useSaveSettings(): { status: SaveStatus; save: (patch: SettingsPatch, what: string) => Promise<boolean>; report: (status: SaveStatus) => void } {
  const { api } = useRekeyConnection();
  const setSettings = useConsoleStore((state) => state.setSettings);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const save = useCallback(
    async (patch: SettingsPatch, what: string) => {
      setStatus({ kind: 'saving' });
      try {
        setSettings(await api.settings.set(patch));
        setStatus({ kind: 'saved', message: `${what} saved.` });
        return true;
      } catch (error) {
        setStatus({ kind: 'failed', message: `${what} not saved: ${callErrorMessage(error)}` });
        return false;
      }
    },
    [api, setSettings],
  );
  return { status, save, report: setStatus };
}
