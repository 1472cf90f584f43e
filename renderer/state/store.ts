// The console's UI state: which screen is showing, what the host said about
// itself, the settings as last saved, and whether the bridge is connected.
// Data about accounts will live in their own slices when those screens exist.
import { create } from 'zustand';
import type { AppInfo, Settings } from '../../preload/contract';
import type { ConnectionState } from '../bridge/connection-state';
import type { ScreenId } from './screens';

export interface ConsoleState {
  screen: ScreenId;
  connection: ConnectionState;
  appInfo: AppInfo | null;
  settings: Settings | null;
  /** Why app info or settings could not be loaded, as a sentence for the operator. */
  loadError: string | null;
  showScreen(screen: ScreenId): void;
  setConnection(connection: ConnectionState): void;
  loaded(appInfo: AppInfo, settings: Settings): void;
  setSettings(settings: Settings): void;
  setLoadError(message: string | null): void;
}

export const useConsoleStore = create<ConsoleState>()((set) => ({
  screen: 'accounts',
  connection: { status: 'connecting', everConnected: false },
  appInfo: null,
  settings: null,
  loadError: null,
  showScreen: (screen) => set({ screen }),
  setConnection: (connection) => set({ connection }),
  loaded: (appInfo, settings) => set({ appInfo, settings, loadError: null }),
  setSettings: (settings) => set({ settings }),
  setLoadError: (loadError) => set({ loadError }),
}));
