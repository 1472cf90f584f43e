// app.* channels: facts about the running process (version, platform,
// elevation, practice mode). The host that starts Rekey decides those facts and
// passes them in, so Electron and the practice console share this handler.
import type { AppInfo } from '../../preload/contract';
import type { HandlerTable } from '../ipc/dispatch';

export function appHandlers(appInfo: () => AppInfo): Pick<HandlerTable, 'app.info'> {
  return {
    'app.info': () => appInfo(),
  };
}
