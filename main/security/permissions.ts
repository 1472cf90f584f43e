// Rekey's page needs no browser permission at all: no camera, microphone,
// notifications, geolocation, clipboard-read, HID/serial/USB devices. Both the
// request handler (prompts) and the check handler (silent queries such as
// navigator.permissions) deny everything, so a renderer bug cannot gain one.
import type { Session } from 'electron';

export type Log = (line: string) => void;

export function denyAllPermissions(session: Session, log: Log = () => {}): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  // Device pickers (HID, serial, USB) are governed separately from permissions.
  session.setDevicePermissionHandler(() => false);
}

/**
 * The renderer never talks to the network: everything it needs is in the
 * bundle, and every directory call runs in the main process. Cancel any
 * http(s)/ws(s) request a page makes, in addition to the CSP's connect-src.
 * Requests without a webContents come from the main process (Electron's net
 * module) and are left alone: main is trusted code.
 */
export function blockRendererNetwork(session: Session, log: Log = () => {}): void {
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    if (details.webContentsId === undefined) return callback({});
    log(`blocked a renderer request to ${details.url.slice(0, 120)}`);
    callback({ cancel: true });
  });
}
