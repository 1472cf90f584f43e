import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: FakeWindow[] = [];

class FakeWindow extends EventEmitter {
  options: unknown;
  webContents = new EventEmitter();
  loadURL = vi.fn(async (_url: string) => {});
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  minimized = false;
  visible = false;
  constructor(options: unknown) {
    super();
    this.options = options;
    created.push(this);
  }
  isDestroyed = () => false;
  isMinimized = () => this.minimized;
  isVisible = () => this.visible;
}

vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { createMainWindow, focusWindow } = await import('../../../main/window/create-window');

describe('createMainWindow', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('creates the hardened window, loads app://rekey/index.html and shows it when ready', () => {
    const window = createMainWindow({ preloadPath: '/x/preload/index.cjs', devTools: false }) as unknown as FakeWindow;
    expect(created).toHaveLength(1);
    expect(window.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(window.loadURL).toHaveBeenCalledWith('app://rekey/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('logs a load failure as a sentence instead of throwing', async () => {
    const log = vi.fn();
    const window = createMainWindow({ preloadPath: '/x', devTools: false, log }) as unknown as FakeWindow;
    window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://rekey/index.html');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('npm run build'));
  });

  it('focusWindow restores a minimised window and brings it forward', () => {
    const window = new FakeWindow({});
    window.minimized = true;
    focusWindow(window as never);
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(() => focusWindow(null)).not.toThrow();
  });
});
