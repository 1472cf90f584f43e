import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { bindChannels, isTrustedSender } from '../../../main/ipc/electron-bind';
import { createDispatcher, type HandlerTable } from '../../../main/ipc/dispatch';
import { channels, defaultSettings, wireChannel } from '../../../preload/contract';

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

function fakeWindow(url = 'app://rekey/index.html') {
  const mainFrame: FakeFrame = { url, parent: null };
  let destroyed = false;
  const window = {
    webContents: { mainFrame },
    isDestroyed: () => destroyed,
    destroy: () => (destroyed = true),
  };
  return { window: window as unknown as BrowserWindow & { destroy(): void }, mainFrame };
}

function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  const ipc = {
    handle: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => unknown) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
  return { ipc: ipc as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>, handlers };
}

const event = (senderFrame: FakeFrame | null) => ({ senderFrame }) as unknown as IpcMainInvokeEvent;

function handlerTable() {
  return {
    'app.info': vi.fn(() => ({ name: 'Rekey', version: '1.0.0', platform: 'win32', elevated: false, practice: false, host: 'electron' }) as const),
    'settings.get': vi.fn(() => defaultSettings),
    'settings.set': vi.fn(() => defaultSettings),
  };
}

describe('isTrustedSender', () => {
  it('accepts the main frame of our window showing app://rekey', () => {
    const { window, mainFrame } = fakeWindow();
    expect(isTrustedSender(event(mainFrame), window)).toBe(true);
  });

  it('refuses a subframe of our window', () => {
    const { window, mainFrame } = fakeWindow();
    expect(isTrustedSender(event({ url: 'app://rekey/index.html', parent: mainFrame }), window)).toBe(false);
  });

  it('refuses the main frame of another window', () => {
    const { window } = fakeWindow();
    const other = fakeWindow();
    expect(isTrustedSender(event(other.mainFrame), window)).toBe(false);
  });

  it('refuses our main frame once it shows another origin', () => {
    for (const url of ['https://evil.example/', 'app://other/index.html', 'file:///C:/index.html', 'about:blank']) {
      const { window, mainFrame } = fakeWindow(url);
      expect(isTrustedSender(event(mainFrame), window), url).toBe(false);
    }
  });

  it('refuses a call without a frame and a call to a destroyed window', () => {
    const { window, mainFrame } = fakeWindow();
    expect(isTrustedSender(event(null), window)).toBe(false);
    window.destroy();
    expect(isTrustedSender(event(mainFrame), window)).toBe(false);
  });
});

describe('bindChannels', () => {
  it('registers exactly one handler per contract channel, and nothing else', () => {
    const { ipc, handlers } = fakeIpcMain();
    const { window } = fakeWindow();
    bindChannels(ipc, createDispatcher(handlerTable() as unknown as HandlerTable), window, 'alice');
    expect([...handlers.keys()].sort()).toEqual(Object.keys(channels).map((name) => wireChannel(name as keyof typeof channels)).sort());
  });

  it('dispatches a trusted call with the electron transport and the operator', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const { window, mainFrame } = fakeWindow();
    const table = handlerTable();
    bindChannels(ipc, createDispatcher(table as unknown as HandlerTable), window, 'alice');
    const reply = await handlers.get(wireChannel('settings.set'))?.(event(mainFrame), { theme: 'dark' });
    expect(reply).toMatchObject({ ok: true });
    expect(table['settings.set']).toHaveBeenCalledWith({ theme: 'dark' }, { transport: 'electron', operator: 'alice' });
  });

  it('refuses calls from a subframe, another window or another origin without running the handler', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const { window, mainFrame } = fakeWindow();
    const table = handlerTable();
    bindChannels(ipc, createDispatcher(table as unknown as HandlerTable), window, 'alice');
    const call = handlers.get(wireChannel('settings.set'));
    const senders = [
      { url: 'app://rekey/index.html', parent: mainFrame },
      fakeWindow().mainFrame,
      { url: 'https://evil.example/', parent: null },
      null,
    ];
    for (const sender of senders) {
      const reply = await call?.(event(sender), { theme: 'dark' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(table['settings.set']).not.toHaveBeenCalled();
  });

  it('passes payloads through the contract: a malformed one never reaches the handler', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const { window, mainFrame } = fakeWindow();
    const table = handlerTable();
    bindChannels(ipc, createDispatcher(table as unknown as HandlerTable), window, 'alice');
    const reply = await handlers.get(wireChannel('settings.set'))?.(event(mainFrame), { theme: 'neon' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(table['settings.set']).not.toHaveBeenCalled();
  });

  it('returns an unbind function that removes every handler', () => {
    const { ipc, handlers } = fakeIpcMain();
    const { window } = fakeWindow();
    const unbind = bindChannels(ipc, createDispatcher(handlerTable() as unknown as HandlerTable), window, 'alice');
    unbind();
    expect(handlers.size).toBe(0);
  });
});
