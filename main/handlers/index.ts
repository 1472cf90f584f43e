// The handler table: one handler per contract channel, composed from one file
// per domain. Both transports (Electron IPC and the practice WebSocket bridge)
// dispatch into the same table, so what the practice console exercises is what
// the desktop app runs. HandlerTable makes a missing channel a type error.
import type { AppInfo } from '../../preload/contract';
import { memorySecretStore } from '../core/ports';
import { createConsoleServices, type ConsoleServices } from '../console';
import type { HandlerTable } from '../ipc/dispatch';
import type { RestartResult } from '../platform/restart-elevated';
import type { SettingsStore } from '../storage/settings';
import { accountsHandlers } from './accounts';
import { activityHandlers } from './activity';
import { appHandlers } from './app';
import { connectionsHandlers } from './connections';
import { exclusionsHandlers } from './exclusions';
import { planHandlers } from './plan';
import { runHandlers } from './run';
import { settingsHandlers } from './settings';
import { verifyHandlers } from './verify';

export interface HandlerServices {
  settings: SettingsStore;
  appInfo: () => AppInfo;
  /** Electron on Windows: start Rekey again elevated. Other hosts answer that they cannot. */
  restartElevated?: () => Promise<RestartResult>;
  /**
   * The console's services (main/console). Without them the table serves an
   * empty console that keeps everything in memory: nothing connected, nothing
   * saved, no browser (a practice connection can still be added).
   */
  console?: ConsoleServices;
}

function emptyConsole(settings: SettingsStore): ConsoleServices {
  return createConsoleServices({
    settings,
    secrets: memorySecretStore(),
    dataDir: null,
    operator: 'operator',
    practice: false,
    emit: () => {},
    openBrowser: async () => {
      throw new Error('This console cannot open a browser; sign in with a device code instead.');
    },
  });
}

export function createHandlers(services: HandlerServices): HandlerTable {
  const consoleServices = services.console ?? emptyConsole(services.settings);
  return {
    ...appHandlers(services.appInfo, services.restartElevated),
    ...settingsHandlers(services.settings),
    ...connectionsHandlers(consoleServices.connections),
    ...accountsHandlers(consoleServices.accounts),
    ...exclusionsHandlers(consoleServices.exclusions),
    ...planHandlers(consoleServices.plans),
    ...runHandlers(consoleServices.runs),
    ...verifyHandlers(consoleServices.verify),
    ...activityHandlers(consoleServices.activity),
  };
}
