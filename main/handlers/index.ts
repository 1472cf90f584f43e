// The handler table: one handler per contract channel, composed from one file
// per domain. Both transports (Electron IPC and the practice WebSocket bridge)
// dispatch into the same table, so what the practice console exercises is what
// the desktop app runs. HandlerTable makes a missing channel a type error.
import type { AppInfo } from '../../preload/contract';
import type { HandlerTable } from '../ipc/dispatch';
import type { SettingsStore } from '../storage/settings';
import { appHandlers } from './app';
import { settingsHandlers } from './settings';

export interface HandlerServices {
  settings: SettingsStore;
  appInfo: () => AppInfo;
}

export function createHandlers(services: HandlerServices): HandlerTable {
  return {
    ...appHandlers(services.appInfo),
    ...settingsHandlers(services.settings),
  };
}
