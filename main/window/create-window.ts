// Creates Rekey's one window and loads the bundle from app://rekey/. The
// hardening lives in window-options.ts; this file only wires lifecycle.
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../security/protocol';
import { windowOptions, type WindowOptionsInput } from './window-options';

export interface CreateWindowInput extends WindowOptionsInput {
  log?: (line: string) => void;
}

export function createMainWindow(input: CreateWindowInput): BrowserWindow {
  const log = input.log ?? (() => {});
  // The tool cannot see through windowOptions(); every flag it looks for is set there and asserted in
  // test/main/window/window-options.test.ts.
  const window = new BrowserWindow(windowOptions(input)); /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK NODE_INTEGRATION_JS_CHECK WEB_SECURITY_JS_CHECK INSECURE_CONTENT_JS_CHECK EXPERIMENTAL_FEATURES_JS_CHECK BLINK_FEATURES_JS_CHECK PRELOAD_JS_CHECK */
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-fail-load', (_event, code, description, url) => {
    log(`the window could not load ${url}: ${description} (${code}). Run "npm run build" and start Rekey again.`);
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    log(`the window's renderer stopped (${details.reason}); reload with Ctrl+R or restart Rekey.`);
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    log(`the window could not load ${APP_ENTRY_URL}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}

/** Bring an existing window to the front (second launch, dock click). */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
