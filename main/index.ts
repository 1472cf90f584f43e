// Rekey's Electron main process: app lifecycle and wiring, nothing else.
// Order matters and is the point of this file:
//   before ready: one instance only, sandbox every renderer, register app://
//                 as a privileged scheme, guard every webContents ever created;
//   on ready:     deny all permissions, block renderer network, serve the
//                 bundle over app://rekey/ with the CSP, open settings and the
//                 console services (connections restored in the background),
//                 create the one hardened window, bind the contract's channels;
//   on quit:      stop runs (each still gets its end record) and close every
//                 connection before the process goes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, nativeTheme, protocol, safeStorage, session, type BrowserWindow } from 'electron';
import type { AppInfo } from '../preload/contract';
import { createConsoleServices, type ConsoleServices } from './console';
import { createHandlers } from './handlers';
import { createDispatcher } from './ipc/dispatch';
import { bindChannels, currentOperator } from './ipc/electron-bind';
import { emitEvent } from './ipc/events';
import { isElevated, runCommand } from './platform/elevation';
import { createRestartElevated } from './platform/restart-elevated';
import { contentSecurityPolicy } from './security/csp';
import { installNavigationGuards } from './security/navigation';
import { openExternal } from './security/open-external';
import { blockRendererNetwork, denyAllPermissions } from './security/permissions';
import { APP_SCHEME, createAppProtocolHandler } from './security/protocol';
import { createElectronSettingsStore } from './storage/electron-settings';
import { SafeStorageSecretStore } from './storage/secrets';
import { createMainWindow, focusWindow } from './window/create-window';

const log = (line: string): void => console.log(`[rekey] ${line}`);

// The bundle is out/main/index.js; the renderer and preload sit beside it in out/.
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const rendererDir = path.join(outDir, 'renderer');
export const preloadPath = path.join(outDir, 'preload', 'index.cjs');

/** Developer tools only in an unpackaged build, and only when asked for with REKEY_DEV=1. */
export function devToolsAllowed(isPackaged: boolean, env: NodeJS.ProcessEnv): boolean {
  return !isPackaged && env.REKEY_DEV === '1';
}

function platformOf(platform: NodeJS.Platform): AppInfo['platform'] {
  return platform === 'win32' || platform === 'darwin' || platform === 'linux' ? platform : 'other';
}

let mainWindow: BrowserWindow | null = null;
let consoleServices: ConsoleServices | null = null;

/** Entra's sign-in page goes to the system browser, through the same allowlist as every other link. */
async function openSignInPage(url: string): Promise<void> {
  const verdict = await openExternal(url);
  if (!verdict.allowed) throw new Error(`The sign-in page was not opened: ${verdict.reason}`);
}

/** The PowerShell scripts ship as readable files beside app.asar; from the source tree the default folder is used. */
function scriptsDir(): string | undefined {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  return app.isPackaged && typeof resources === 'string' ? path.join(resources, 'resources', 'powershell') : undefined;
}

/** Full path, so a powershell.exe planted on PATH never runs instead. */
function windowsPowerShellPath(): string {
  const systemRoot = process.env.SystemRoot ?? process.env.windir ?? 'C:\\Windows';
  return path.win32.join(systemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
}

async function onReady(): Promise<void> {
  const ses = session.defaultSession;
  denyAllPermissions(ses, log);
  blockRendererNetwork(ses, log);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, contentSecurityPolicy()));

  const userData = app.getPath('userData');
  const settings = createElectronSettingsStore({ cwd: userData, log });
  const info: AppInfo = {
    name: 'Rekey',
    version: app.getVersion(),
    platform: platformOf(process.platform),
    elevated: await isElevated(),
    practice: false,
    host: 'electron',
  };
  const dir = scriptsDir();
  const services = createConsoleServices({
    settings,
    secrets: new SafeStorageSecretStore(safeStorage, path.join(userData, 'secrets.json'), { log }),
    dataDir: userData,
    operator: currentOperator(),
    practice: false,
    // Events follow the window; a run outlives a closed window and keeps its journal.
    emit: (name, payload) => {
      if (mainWindow) emitEvent(mainWindow, name, payload);
    },
    openBrowser: openSignInPage,
    log,
    ...(dir ? { scriptsDir: dir } : {}),
    isElevated: async () => info.elevated,
  });
  consoleServices = services;
  services.start().catch((error: unknown) => log(`saved connections could not be restored: ${error instanceof Error ? error.message : String(error)}`));
  const restartElevated = createRestartElevated({
    platform: process.platform,
    execPath: process.execPath,
    args: process.argv.slice(1),
    app,
    // The consent prompt waits for the operator: allow two minutes before giving up.
    runPowerShell: async (args) => (await runCommand(windowsPowerShellPath(), args, 120_000)).exitCode,
  });
  const dispatcher = createDispatcher(createHandlers({ settings, appInfo: () => info, restartElevated, console: services }), log);

  const window = createMainWindow({
    preloadPath,
    devTools: devToolsAllowed(app.isPackaged, process.env),
    prefersDark: nativeTheme.shouldUseDarkColors,
    log,
  });
  mainWindow = window;
  const unbind = bindChannels(ipcMain, dispatcher, window);
  window.on('closed', () => {
    unbind();
    mainWindow = null;
  });
  // npm start waits for this line to know Electron really started (main/tooling/start.ts).
  if (process.env.REKEY_REPORT_READY === '1') process.stdout.write('rekey:ready\n');
}

function boot(): void {
  if (!app.requestSingleInstanceLock()) {
    // Another Rekey is running; it gets focused through 'second-instance'.
    app.quit();
    return;
  }
  app.on('second-instance', () => focusWindow(mainWindow));

  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  installNavigationGuards(app, {
    log,
    openInBrowser: (url) => {
      void openExternal(url).then((verdict) => {
        if (!verdict.allowed) log(`did not open a link: ${verdict.reason}`);
      });
    },
  });
  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !consoleServices) return;
    // Hold the quit until runs have written their end records and connections are closed.
    event.preventDefault();
    consoleServices
      .close()
      .catch((error: unknown) => log(`closing the console services failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log(`start-up failed: ${message}`);
      dialog.showErrorBox('Rekey could not start', message);
      app.quit();
    });
}

boot();
