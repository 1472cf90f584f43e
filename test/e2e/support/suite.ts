// What one end-to-end test file shares across its tests: the renderer built
// into a private folder, a practice server serving it (the practice console,
// or the bare practice host), and one Chromium. Start it in beforeAll, close
// it in afterAll.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startPracticeConsole, type PracticeConsole, type PracticeConsoleOptions } from '../../../main/practice/console';
import { build } from '../../../main/tooling/build';
import { launchChromium, screensDir } from './browser';

export interface Suite<Practice> {
  /** Private scratch folder of this test file; tests may write their own files here. */
  workDir: string;
  /** The built renderer, for starting another practice server of a test's own. */
  rendererDir: string;
  practice: Practice;
  browser: Browser;
  /** Closes the browser, then the practice server, then removes workDir. */
  close(): Promise<void>;
}

/**
 * Builds the renderer into a new `rekey-<name>-e2e-*` temp folder, serves it
 * with `startPractice`, and launches Chromium. If a step fails, what was
 * already started is closed again before the error is thrown.
 */
export async function startSuite<Practice extends { close(): Promise<void> }>(
  name: string,
  startPractice: (rendererDir: string) => Promise<Practice>,
): Promise<Suite<Practice>> {
  // A private output folder: other suites may rebuild out/renderer at the same time.
  const workDir = await mkdtemp(path.join(tmpdir(), `rekey-${name}-e2e-`));
  const rendererDir = path.join(workDir, 'renderer');
  let practice: Practice | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await practice?.close();
    await rm(workDir, { recursive: true, force: true });
  };
  try {
    await build({ only: ['renderer'], outDir: workDir, log: () => {} });
    practice = await startPractice(rendererDir);
    browser = await launchChromium();
    await mkdir(screensDir, { recursive: true });
    return { workDir, rendererDir, practice, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A suite around the practice console (the real console services against the practice directories). */
export function startConsoleSuite(name: string, options: Omit<PracticeConsoleOptions, 'rendererDir'> = {}): Promise<Suite<PracticeConsole>> {
  return startSuite(name, (rendererDir) => startPracticeConsole({ rendererDir, ...options }));
}
