import { EventEmitter } from 'node:events';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, defaultSettings, wireChannel, type ChannelName } from '../../preload/contract';

// Electron replaced at the module boundary. `calls` records the order of the
// security-relevant calls so the test can check what happens before ready.
const state = vi.hoisted(() => ({
  lock: true,
  isPackaged: false,
  calls: [] as string[],
  windows: [] as unknown[],
  ipcHandlers: new Map<string, unknown>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  privileged: [] as unknown[],
  session: null as null | Record<string, unknown>,
  ready: null as null | (() => void),
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => {
      state.calls.push('requestSingleInstanceLock');
      return state.lock;
    }),
    quit: vi.fn(() => state.calls.push('quit')),
    enableSandbox: vi.fn(() => state.calls.push('enableSandbox')),
    whenReady: vi.fn(() => {
      state.calls.push('whenReady');
      return new Promise<void>((resolve) => (state.ready = resolve));
    }),
    getPath: vi.fn(() => '/tmp/rekey-user-data'),
    getVersion: vi.fn(() => '0.1.0'),
  });
  // A live getter (Object.assign would have copied its value once).
  Object.defineProperty(app, 'isPackaged', { get: () => state.isPackaged });
  class BrowserWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), { mainFrame: { url: 'app://rekey/index.html', parent: null } });
    options: unknown;
    loadURL = vi.fn(async () => {});
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    constructor(options: unknown) {
      super();
      this.options = options;
      state.calls.push('new BrowserWindow');
      state.windows.push(this);
    }
    isDestroyed = () => false;
    isMinimized = () => true;
    isVisible = () => false;
  }
  const session = {
    setPermissionRequestHandler: vi.fn(() => state.calls.push('setPermissionRequestHandler')),
    setPermissionCheckHandler: vi.fn(() => state.calls.push('setPermissionCheckHandler')),
    setDevicePermissionHandler: vi.fn(() => state.calls.push('setDevicePermissionHandler')),
    webRequest: { onBeforeRequest: vi.fn(() => state.calls.push('onBeforeRequest')) },
  };
  state.session = session;
  return {
    app,
    BrowserWindow,
    session: { defaultSession: session },
    protocol: {
      registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
        state.calls.push('registerSchemesAsPrivileged');
        state.privileged.push(...schemes);
      }),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
        state.calls.push(`protocol.handle:${scheme}`);
        state.protocolHandlers.set(scheme, handler);
      }),
    },
    ipcMain: {
      handle: vi.fn((channel: string, handler: unknown) => state.ipcHandlers.set(channel, handler)),
      removeHandler: vi.fn((channel: string) => state.ipcHandlers.delete(channel)),
    },
    nativeTheme: { shouldUseDarkColors: false },
    dialog: { showErrorBox: vi.fn() },
    shell: { openExternal: vi.fn() },
    // No OS encryption in the test: the secret store refuses to save, which the console services handle.
    safeStorage: {
      isAsyncEncryptionAvailable: vi.fn(async () => false),
      encryptStringAsync: vi.fn(),
      decryptStringAsync: vi.fn(),
    },
  };
});

const createHandlers = vi.fn();
vi.mock('../../main/handlers', () => ({ createHandlers: (services: unknown) => createHandlers(services) }));
vi.mock('../../main/storage/electron-settings', async () => {
  const { memorySettingsStore } = await import('../../main/storage/settings');
  return { createElectronSettingsStore: vi.fn(() => memorySettingsStore()) };
});
vi.mock('../../main/platform/elevation', () => ({ isElevated: vi.fn(async () => true) }));

async function boot(options: { lock?: boolean; packaged?: boolean; env?: Record<string, string | undefined> } = {}) {
  state.lock = options.lock ?? true;
  state.isPackaged = options.packaged ?? false;
  for (const [key, value] of Object.entries(options.env ?? {})) vi.stubEnv(key, value as string);
  vi.resetModules();
  const electron = await import('electron');
  await import('../../main/index');
  return { electron, app: electron.app as unknown as EventEmitter & Record<string, ReturnType<typeof vi.fn>> };
}

async function becomeReady() {
  state.ready?.();
  await vi.waitFor(() => expect(state.windows.length).toBe(1));
  await vi.waitFor(() => expect(state.ipcHandlers.size).toBe(Object.keys(channels).length));
}

beforeEach(() => {
  state.calls = [];
  state.windows = [];
  state.ipcHandlers = new Map();
  state.protocolHandlers = new Map();
  state.privileged = [];
  state.ready = null;
  vi.unstubAllEnvs();
  vi.stubEnv('REKEY_DEV', undefined as unknown as string);
  createHandlers.mockReset();
  createHandlers.mockImplementation((services: { settings: { get(): unknown }; appInfo(): unknown }) => ({
    'app.info': () => services.appInfo(),
    'settings.get': () => services.settings.get(),
    'settings.set': () => defaultSettings,
  }));
});

describe('main/index.ts', () => {
  it('quits at once, creating nothing, when another instance holds the lock', async () => {
    const { app } = await boot({ lock: false });
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(state.calls).not.toContain('whenReady');
    expect(state.calls).not.toContain('registerSchemesAsPrivileged');
    expect(state.windows).toHaveLength(0);
  });

  it('before ready: takes the lock, sandboxes all renderers, registers app:// as privileged, guards webContents', async () => {
    const { app } = await boot();
    expect(state.calls.slice(0, 3)).toEqual(['requestSingleInstanceLock', 'enableSandbox', 'registerSchemesAsPrivileged']);
    expect(state.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(state.calls.indexOf('whenReady'));
    expect(state.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(app.listenerCount('second-instance')).toBe(1);
    expect(state.windows).toHaveLength(0);
  });

  it('on ready: denies permissions, serves app://, then creates the hardened window and binds every channel', async () => {
    await boot();
    await becomeReady();
    for (const call of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler', 'protocol.handle:app']) {
      expect(state.calls.indexOf(call), call).toBeGreaterThan(-1);
      expect(state.calls.indexOf(call), call).toBeLessThan(state.calls.indexOf('new BrowserWindow'));
    }
    const window = state.windows[0] as { options: { webPreferences: Record<string, unknown>; show: boolean }; loadURL: ReturnType<typeof vi.fn> };
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(String(window.options.webPreferences.preload)).toMatch(new RegExp(`preload\\${path.sep}index\\.cjs$`));
    expect(window.loadURL).toHaveBeenCalledWith('app://rekey/index.html');
    expect([...state.ipcHandlers.keys()].sort()).toEqual((Object.keys(channels) as ChannelName[]).map(wireChannel).sort());
  });

  it('wires real handlers: app.info answers from the main frame with the app facts', async () => {
    await boot();
    await becomeReady();
    const window = state.windows[0] as { webContents: { mainFrame: unknown } };
    const call = state.ipcHandlers.get(wireChannel('app.info')) as (event: unknown, payload: unknown) => Promise<unknown>;
    const reply = await call({ senderFrame: window.webContents.mainFrame }, undefined);
    expect(reply).toEqual({ ok: true, value: { name: 'Rekey', version: '0.1.0', platform: expect.any(String), elevated: true, practice: false, host: 'electron' } });
    const foreign = await call({ senderFrame: { url: 'app://rekey/index.html', parent: null } }, undefined);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('serves the renderer through the protocol handler with the CSP', async () => {
    await boot();
    await becomeReady();
    const handler = state.protocolHandlers.get('app');
    const response = await handler?.(new Request('app://rekey/%2e%2e/package.json'));
    expect(response?.status).toBe(404);
    expect(response?.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });

  it('a second launch focuses the existing window', async () => {
    const { app } = await boot();
    await becomeReady();
    const window = state.windows[0] as { focus: ReturnType<typeof vi.fn>; restore: ReturnType<typeof vi.fn> };
    app.emit('second-instance', {}, [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('enables devtools only unpackaged with REKEY_DEV=1', async () => {
    const devtools = async (packaged: boolean, dev: string | undefined) => {
      state.windows = [];
      state.ipcHandlers = new Map();
      await boot({ packaged, env: { REKEY_DEV: dev } });
      await becomeReady();
      return (state.windows[0] as { options: { webPreferences: { devTools: boolean } } }).options.webPreferences.devTools;
    };
    expect(await devtools(false, '1')).toBe(true);
    expect(await devtools(true, '1')).toBe(false);
    expect(await devtools(false, undefined)).toBe(false);
  });

  it('installed navigation guards deny new windows on any webContents', async () => {
    const { app } = await boot();
    let handler: ((details: { url: string }) => unknown) | null = null;
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: (h: typeof handler) => (handler = h) });
    app.emit('web-contents-created', {}, contents);
    expect(handler).not.toBeNull();
    expect(handler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
