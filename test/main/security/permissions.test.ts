import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { blockRendererNetwork, denyAllPermissions } from '../../../main/security/permissions';

function fakeSession() {
  const handlers: {
    request?: (wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
    check?: (wc: unknown, permission: string, origin: string, details: unknown) => boolean;
    device?: (details: unknown) => boolean;
    beforeRequest?: { filter: { urls: string[] }; listener: (details: { url: string; webContentsId?: number }, callback: (response: { cancel?: boolean }) => void) => void };
  } = {};
  const session = {
    setPermissionRequestHandler: vi.fn((handler) => (handlers.request = handler)),
    setPermissionCheckHandler: vi.fn((handler) => (handlers.check = handler)),
    setDevicePermissionHandler: vi.fn((handler) => (handlers.device = handler)),
    webRequest: { onBeforeRequest: vi.fn((filter, listener) => (handlers.beforeRequest = { filter, listener })) },
  };
  return { session: session as unknown as Session, handlers };
}

const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'fullscreen', 'unknown'];

describe('denyAllPermissions', () => {
  it('denies every permission request', () => {
    const { session, handlers } = fakeSession();
    denyAllPermissions(session);
    for (const permission of permissions) {
      const callback = vi.fn();
      handlers.request?.({}, permission, callback, { requestingUrl: 'app://rekey/' });
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check with false, even for our own origin', () => {
    const { session, handlers } = fakeSession();
    denyAllPermissions(session);
    for (const permission of permissions) {
      expect(handlers.check?.({}, permission, 'app://rekey', {}), permission).toBe(false);
    }
  });

  it('denies device access', () => {
    const { session, handlers } = fakeSession();
    denyAllPermissions(session);
    expect(handlers.device?.({ deviceType: 'hid', origin: 'app://rekey' })).toBe(false);
  });

  it('installs all three handlers', () => {
    const { session } = fakeSession();
    denyAllPermissions(session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(session.setDevicePermissionHandler).toHaveBeenCalledTimes(1);
  });
});

describe('blockRendererNetwork', () => {
  it('cancels http, https, ws and wss requests from pages', () => {
    const { session, handlers } = fakeSession();
    blockRendererNetwork(session);
    expect(handlers.beforeRequest?.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    for (const url of ['https://evil.example/exfiltrate', 'http://127.0.0.1:8080/', 'wss://evil.example/socket']) {
      const callback = vi.fn();
      handlers.beforeRequest?.listener({ url, webContentsId: 1 }, callback);
      expect(callback, url).toHaveBeenCalledWith({ cancel: true });
    }
  });

  it("lets the main process's own requests through", () => {
    const { session, handlers } = fakeSession();
    blockRendererNetwork(session);
    const callback = vi.fn();
    handlers.beforeRequest?.listener({ url: 'https://graph.microsoft.com/v1.0/users' }, callback);
    expect(callback).toHaveBeenCalledWith({});
  });
});
