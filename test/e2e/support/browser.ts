// The browser side of the end-to-end tests: Debian's Chromium driven by
// playwright-core (no browser can be downloaded here), a console page opened
// in a chosen appearance and watched for problems, screenshots into
// test-results/screens/, and downloads read back as text.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { repoRoot } from '../../../main/tooling/build';
import { watchForProblems, type ProblemWatchOptions } from './problems';

/** Flags for Debian Chromium run as root in a container without a GPU or a network of its own. */
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
}

/** Where every screenshot goes; the folder is created when a suite starts. */
export const screensDir = path.join(repoRoot, 'test-results', 'screens');

/** How the page is shown: colour scheme, and forced colours (Windows high contrast) or not. */
export type Media = { colorScheme: 'light' | 'dark'; forcedColors: 'none' | 'active' };

export const appearances = {
  light: { colorScheme: 'light', forcedColors: 'none' },
  dark: { colorScheme: 'dark', forcedColors: 'none' },
  'high-contrast': { colorScheme: 'dark', forcedColors: 'active' },
} as const satisfies Record<string, Media>;

export type AppearanceName = keyof typeof appearances;

/** Named appearances for an `it.each` table ("... in the $name theme"). */
export function themed(...names: AppearanceName[]): Array<{ name: AppearanceName; media: Media }> {
  return names.map((name) => ({ name, media: appearances[name] }));
}

export interface OpenOptions extends Pick<BrowserContextOptions, 'acceptDownloads' | 'permissions'> {
  /** Default: light. */
  media?: Media;
  /** Window height in pixels (the width is always 1280); default 800. */
  height?: number;
  /** Page-wide limit for each action, so a stuck step fails at that step, not at the test's own time limit. */
  actionTimeout?: number;
  /** Which failed requests and HTTP errors count as problems. */
  problems?: ProblemWatchOptions;
}

export interface OpenedPage {
  page: Page;
  /** Filled while the test runs: assert it is empty at the end. */
  problems: string[];
}

/** A new page on `url` in the given appearance, with reduced motion, watched for problems from its first script on. */
export async function openPage(browser: Browser, url: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const { media = appearances.light, height = 800, actionTimeout, problems: watch, ...pageOptions } = options;
  const page = await browser.newPage({ viewport: { width: 1280, height }, ...pageOptions });
  if (actionTimeout !== undefined) page.setDefaultTimeout(actionTimeout);
  const problems = await watchForProblems(page, watch);
  await page.emulateMedia({ ...media, reducedMotion: 'reduce' });
  await page.goto(url);
  return { page, problems };
}

/** Photographs a page, or one part of it, as test-results/screens/<name>.png; animations are stopped unless asked. */
export async function screenshot(target: Page | Locator, name: string, options: { fullPage?: boolean; animations?: 'disabled' | 'allow' } = {}): Promise<void> {
  await target.screenshot({ path: path.join(screensDir, `${name}.png`), animations: 'disabled', ...options });
}

/** Clicks a button that saves a file and returns the file the browser received: its suggested name and its text. */
export async function captureDownload(page: Page, button: Locator): Promise<{ name: string; content: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), content: await readFile(await download.path(), 'utf8') };
}
