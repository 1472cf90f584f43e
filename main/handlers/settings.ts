// settings.* channels. The store owns validation and merging
// (main/storage/settings.ts); the handler only forwards, so the electron-store
// and the in-memory practice store behave the same.
import type { HandlerTable } from '../ipc/dispatch';
import type { SettingsStore } from '../storage/settings';

export function settingsHandlers(settings: SettingsStore): Pick<HandlerTable, 'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
  };
}
