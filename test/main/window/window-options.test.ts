import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../main/window/window-options';

const preloadPath = '/opt/rekey/out/preload/index.cjs';

describe('windowOptions', () => {
  const options = windowOptions({ preloadPath, devTools: false });
  const web = options.webPreferences ?? {};

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
    ['devTools', false],
  ] as const)('webPreferences.%s is %s', (flag, value) => {
    expect(web[flag]).toBe(value);
  });

  it('loads the bundled CommonJS preload and enables no Blink feature', () => {
    expect(web.preload).toBe(preloadPath);
    expect(web.enableBlinkFeatures).toBeUndefined();
    expect(web.disableBlinkFeatures).toBe('Auxclick');
  });

  it('enables devtools only when asked', () => {
    expect(windowOptions({ preloadPath, devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('stays hidden until ready-to-show, titled Rekey, with a sensible size', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Rekey');
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
  });

  it('paints the background in the OS theme', () => {
    expect(windowOptions({ preloadPath, devTools: false, prefersDark: true }).backgroundColor).not.toBe(options.backgroundColor);
  });
});
