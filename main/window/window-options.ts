// The options of Rekey's one window, as a pure function so the hardening can be
// asserted flag by flag. The renderer is untrusted by design: it runs
// sandboxed, isolated from the preload, without Node, and can reach the main
// process only through the validated channels in preload/contract.ts.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preloadPath: string;
  /** Developer tools: only in an unpackaged build with REKEY_DEV=1. */
  devTools: boolean;
  /** Paint the window background in the OS theme so there is no white flash in dark mode. */
  prefersDark?: boolean;
}

export const WINDOW_SIZE = { width: 1280, height: 820, minWidth: 960, minHeight: 620 } as const;

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...WINDOW_SIZE,
    title: 'Rekey',
    // Fluent UI v9 neutral backgrounds, light and dark.
    backgroundColor: input.prefersDark ? '#292929' : '#fafafa',
    // Shown on ready-to-show, so the operator never sees a half-painted window.
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: input.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Middle-click (auxclick) can open links in new windows; off, as the Electron security checklist
      // advises (the window-open handler denies new windows as well).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}
