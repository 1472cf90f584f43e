import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, settings as settingsSchema } from '../../../preload/contract';

const settingsShape = settingsSchema.shape;

// electron-store imports electron (which would try to download its binary under Node), so
// it is replaced by its own engine, conf, with electron-store's option handling: `name`
// becomes the file name and `cwd` the folder. Validation (ajv), atomic writes and the
// schema handling are conf's real code.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStoreOnConf extends Conf {
    constructor(options: Record<string, unknown> & { name?: string }) {
      const { name, ...rest } = options;
      super({ ...rest, configName: name ?? 'config', projectVersion: '0.1.0' } as never);
    }
  }
  return { default: ElectronStoreOnConf };
});

const { createElectronSettingsStore, settingsJsonSchema } = await import('../../../main/storage/electron-settings');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rekey-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = () => path.join(dir, 'settings.json');

describe('electron settings store', () => {
  it('starts with the defaults and writes them to settings.json', async () => {
    const store = createElectronSettingsStore({ cwd: dir });
    expect(store.get()).toEqual(defaultSettings);
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual(defaultSettings);
  });

  it('saves a valid change and reads it back in a new instance', () => {
    createElectronSettingsStore({ cwd: dir }).set({ theme: 'dark', pacing: { maxConcurrency: 8 } });
    const reopened = createElectronSettingsStore({ cwd: dir }).get();
    expect(reopened.theme).toBe('dark');
    expect(reopened.pacing).toEqual({ ...defaultSettings.pacing, maxConcurrency: 8 });
  });

  it('rejects invalid values and leaves the file unchanged', async () => {
    const store = createElectronSettingsStore({ cwd: dir });
    const before = await readFile(file(), 'utf8');
    expect(() => store.set({ pacing: { maxConcurrency: 1000 } })).toThrow();
    expect(() => store.set({ theme: 'neon' } as never)).toThrow();
    expect(await readFile(file(), 'utf8')).toBe(before);
    expect(store.get()).toEqual(defaultSettings);
  });

  it('restores defaults from a corrupt file and keeps the corrupt file aside', async () => {
    await writeFile(file(), '{ "theme": "dark", ');
    const log = vi.fn();
    const store = createElectronSettingsStore({ cwd: dir, log });
    expect(store.get()).toEqual(defaultSettings);
    const names = await readdir(dir);
    expect(names.some((name) => /^settings\.invalid-\d+\.json$/.test(name))).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('set aside'));
  });

  it('keeps the valid parts of a hand-edited file and replaces the invalid ones', async () => {
    const pacing = { maxConcurrency: 9, rateShare: 0.5, windowsThrottle: 8 };
    await writeFile(file(), JSON.stringify({ ...defaultSettings, theme: 'dark', powershellEdition: 'cmd.exe', pacing }));
    const current = createElectronSettingsStore({ cwd: dir }).get();
    expect(current.theme).toBe('dark');
    expect(current.pacing).toEqual(pacing);
    expect(current.powershellEdition).toBe(defaultSettings.powershellEdition);
  });

  it('falls back to default pacing when the stored pacing is out of range', async () => {
    await writeFile(file(), JSON.stringify({ ...defaultSettings, pacing: { maxConcurrency: 9, rateShare: 7, windowsThrottle: 8 } }));
    expect(createElectronSettingsStore({ cwd: dir }).get().pacing).toEqual(defaultSettings.pacing);
  });

  it('survives the file being damaged while running, and the next save repairs it', async () => {
    const store = createElectronSettingsStore({ cwd: dir });
    await writeFile(file(), 'not json at all');
    expect(store.get()).toEqual(defaultSettings);
    store.set({ theme: 'light' });
    expect(JSON.parse(await readFile(file(), 'utf8')).theme).toBe('light');
  });

  it('gives electron-store the contract schema as JSON schema, closed to unknown keys', () => {
    const schema = settingsJsonSchema();
    const keys = Object.keys(settingsShape).sort();
    expect(Object.keys(schema.properties).sort()).toEqual(keys);
    expect([...schema.root.required].sort()).toEqual(keys);
    expect(schema.root.additionalProperties).toBe(false);
    expect(schema.properties.pacing).toMatchObject({ additionalProperties: false, properties: { maxConcurrency: { maximum: 64 } } });
  });

  it('refuses, through the JSON schema, a file with keys the contract does not know', async () => {
    await writeFile(file(), JSON.stringify({ ...defaultSettings, graphToken: 'eyJ0eXAi' }));
    const store = createElectronSettingsStore({ cwd: dir });
    expect(store.get()).toEqual(defaultSettings);
    expect(await readFile(file(), 'utf8')).not.toContain('eyJ0eXAi');
  });

  it('writes exactly the contract settings and nothing else', async () => {
    createElectronSettingsStore({ cwd: dir }).set({ theme: 'dark' });
    const saved = JSON.parse(await readFile(file(), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(saved).sort()).toEqual(Object.keys(settingsShape).sort());
    expect(saved).toEqual({ ...defaultSettings, theme: 'dark' });
  });
});
