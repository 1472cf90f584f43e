// Settings persisted with electron-store (settings.json in userData). Two
// layers of validation: electron-store checks the file against a JSON schema
// generated from the contract's zod schema, and every read and write goes
// through readSettings/mergeSettings (main/storage/settings.ts). A file that
// fails either check is set aside (kept for the admin to inspect), and the
// valid parts are carried over; the app starts with defaults for the rest.
// Settings hold preferences only, never secrets (those go to secrets.ts).
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import Store from 'electron-store';
import { z } from 'zod';
import { defaultSettings, settings as settingsSchema, type Settings } from '../../preload/contract';
import { mergeSettings, readSettings, type SettingsStore } from './settings';

export interface ElectronSettingsOptions {
  /** Directory of the file: app.getPath('userData') in the app, a temp dir in tests. */
  cwd: string;
  /** File name without extension. */
  name?: string;
  log?: (line: string) => void;
}

/** electron-store wants the top-level `properties` as `schema` and the rest of the root as `rootSchema`. */
export function settingsJsonSchema(): { properties: Record<string, object>; root: { required: string[]; additionalProperties: false } } {
  const generated = z.toJSONSchema(settingsSchema) as { properties?: Record<string, object>; required?: string[] };
  return {
    properties: generated.properties ?? {},
    root: { required: generated.required ?? [], additionalProperties: false },
  };
}

type SettingsFile = Settings & Record<string, unknown>;

function openStore(options: ElectronSettingsOptions, defaults: Settings): Store<SettingsFile> {
  const schema = settingsJsonSchema();
  return new Store<SettingsFile>({
    cwd: options.cwd,
    name: options.name ?? 'settings',
    defaults: defaults as SettingsFile,
    schema: schema.properties as never,
    rootSchema: schema.root,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    // Owner-only on POSIX; on Windows the userData ACL already limits access.
    configFileMode: 0o600,
  });
}

/** Whatever can be salvaged from a file that failed validation (unreadable JSON salvages nothing). */
function salvage(file: string): Settings {
  try {
    return readSettings(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return structuredClone(defaultSettings);
  }
}

export function createElectronSettingsStore(options: ElectronSettingsOptions): SettingsStore {
  const log = options.log ?? (() => {});
  let store: Store<SettingsFile>;
  try {
    store = openStore(options, defaultSettings);
  } catch (error) {
    // electron-store refuses a malformed or schema-violating file. Keep it as
    // settings.invalid-<time>.json, then start from what was valid in it.
    const file = path.join(options.cwd, `${options.name ?? 'settings'}.json`);
    const located = existsSync(file) ? file : null;
    const recovered = located ? salvage(located) : structuredClone(defaultSettings);
    if (located) renameSync(located, located.replace(/\.json$/, `.invalid-${Date.now()}.json`));
    log(`the settings file was invalid (${error instanceof Error ? error.message : String(error)}); it was set aside and defaults were restored for the invalid values.`);
    store = openStore(options, recovered);
  }

  const read = (): Settings => {
    try {
      return readSettings(store.store);
    } catch {
      // The file was damaged while Rekey ran (hand edit, disk trouble): fall back, and the next save repairs it.
      return salvage(store.path);
    }
  };

  return {
    get: read,
    set(patch) {
      const next = mergeSettings(read(), patch);
      store.store = next as SettingsFile;
      return next;
    },
  };
}
