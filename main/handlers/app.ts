// app.* channels: facts about the running process (version, platform,
// elevation, practice mode). The host that starts Rekey decides those facts and
// passes them in, so Electron and the practice console share this handler.
import type { AppInfo } from '../../preload/contract';
import type { HandlerTable } from '../ipc/dispatch';
import type { RestartResult } from '../platform/restart-elevated';

/** Hosts that cannot restart elevated (the practice console, tests) answer with this. */
export const noElevatedRestart = async (): Promise<RestartResult> => ({
  restarting: false,
  message: 'The practice console never needs administrator rights: it only changes simulated accounts.',
});

export function appHandlers(appInfo: () => AppInfo, restartElevated: () => Promise<RestartResult> = noElevatedRestart): Pick<HandlerTable, 'app.info' | 'app.restartElevated'> {
  return {
    'app.info': () => appInfo(),
    'app.restartElevated': () => restartElevated(),
  };
}
