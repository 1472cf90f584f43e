import { EventEmitter } from 'node:events';
import type { App, HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ shell: { openExternal: vi.fn() } }));

const { guardWebContents, installNavigationGuards, isAllowedNavigation } = await import('../../../main/security/navigation');

/** A webContents stand-in: an EventEmitter plus setWindowOpenHandler, enough for the guards. */
class FakeContents extends EventEmitter {
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
  /** Emit a navigation-style event the way Electron does; returns whether it was prevented. */
  navigate(eventName: string, url: string): boolean {
    let prevented = false;
    const event = { url, preventDefault: () => (prevented = true) };
    this.emit(eventName, event, url);
    return prevented;
  }
}

function guarded(options: Parameters<typeof guardWebContents>[1] = {}): FakeContents {
  const contents = new FakeContents();
  guardWebContents(contents as unknown as WebContents, options);
  return contents;
}

const details = (url: string): HandlerDetails => ({ url, frameName: '', features: '', disposition: 'foreground-tab', referrer: { url: '', policy: 'default' }, postBody: undefined } as unknown as HandlerDetails);

describe('navigation guards', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: stays on app://rekey, refuses everything else', (eventName) => {
    const contents = guarded();
    expect(contents.navigate(eventName, 'app://rekey/index.html#/accounts')).toBe(false);
    for (const url of ['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///C:/Windows/win.ini', 'app://other/index.html', 'javascript:alert(1)', 'data:text/html,x', 'about:blank']) {
      expect(contents.navigate(eventName, url), url).toBe(true);
    }
  });

  it('denies every new window, even for our own origin', () => {
    const contents = guarded();
    for (const url of ['app://rekey/index.html', 'https://evil.example/', 'https://learn.microsoft.com/']) {
      expect(contents.openHandler?.(details(url))).toEqual({ action: 'deny' });
    }
  });

  it('hands only allowlisted documentation links to the browser', () => {
    const openInBrowser = vi.fn();
    const contents = guarded({ openInBrowser });
    contents.openHandler?.(details('https://learn.microsoft.com/en-us/entra/'));
    contents.openHandler?.(details('https://evil.example/'));
    contents.openHandler?.(details('file:///etc/passwd'));
    expect(openInBrowser.mock.calls).toEqual([['https://learn.microsoft.com/en-us/entra/']]);
  });

  it('prevents every <webview> from attaching', () => {
    const contents = guarded();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, { src: 'https://evil.example/' });
    expect(prevented).toBe(true);
  });

  it('logs what it blocked', () => {
    const log = vi.fn();
    const contents = guarded({ log });
    contents.navigate('will-navigate', 'https://evil.example/');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://evil.example/'));
  });

  it('is installed for every webContents the app creates', () => {
    const app = new EventEmitter();
    installNavigationGuards(app as unknown as App);
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.openHandler).not.toBeNull();
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
  });

  it('isAllowedNavigation accepts only our bundle', () => {
    expect(isAllowedNavigation('app://rekey/')).toBe(true);
    expect(isAllowedNavigation('app://rekey.evil/')).toBe(false);
    expect(isAllowedNavigation(null)).toBe(false);
  });
});
