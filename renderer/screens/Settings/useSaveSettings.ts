// Saving a settings change: send the patch, keep what main saved (it is the
// truth, after validation and merge), and say in words whether it worked.
import { useCallback, useState } from 'react';
import type { SettingsPatch } from '../../../preload/contract';
import { RekeyCallError } from '../../../preload/api';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { useConsoleStore } from '../../state/store';

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; message: string } | { kind: 'failed'; message: string };

export function describeSaveError(error: unknown): string {
  if (error instanceof RekeyCallError) {
    const where = error.issues?.[0];
    return where ? `${error.message} (${where.path}: ${where.message})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function useSaveSettings(): { status: SaveStatus; save: (patch: SettingsPatch, what: string) => Promise<void> } {
  const { api } = useRekeyConnection();
  const setSettings = useConsoleStore((state) => state.setSettings);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const save = useCallback(
    async (patch: SettingsPatch, what: string) => {
      setStatus({ kind: 'saving' });
      try {
        setSettings(await api.settings.set(patch));
        setStatus({ kind: 'saved', message: `${what} saved.` });
      } catch (error) {
        setStatus({ kind: 'failed', message: `${what} not saved: ${describeSaveError(error)}` });
      }
    },
    [api, setSettings],
  );
  return { status, save };
}
