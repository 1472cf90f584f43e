// The console in a real browser: Debian Chromium, driven by playwright-core,
// against the practice host started in this process. Every screen is visited
// (by keyboard in the light theme, by clicks in the others), photographed into
// test-results/screens/, checked for console and page errors, and audited with
// axe-core in light, dark and forced-colors (high contrast) modes.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeHost, type PracticeHost } from '../../main/practice/host';
import { build, repoRoot } from '../../main/tooling/build';

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'];
const screensDir = path.join(repoRoot, 'test-results', 'screens');

const screens = [
  { id: 'accounts', tab: 'Accounts', heading: 'Accounts' },
  { id: 'review', tab: 'Review & run', heading: 'Review & run' },
  { id: 'verify', tab: 'Verify', heading: 'Verify' },
  { id: 'activity', tab: 'Activity', heading: 'Activity' },
  { id: 'connections', tab: 'Connections', heading: 'Connections' },
  { id: 'settings', tab: 'Settings', heading: 'Settings' },
] as const;

const appearances = [
  { theme: 'light', suffix: '', media: { colorScheme: 'light', forcedColors: 'none' } },
  { theme: 'dark', suffix: '-dark', media: { colorScheme: 'dark', forcedColors: 'none' } },
  { theme: 'high-contrast', suffix: '-high-contrast', media: { colorScheme: 'dark', forcedColors: 'active' } },
] as const;

let workDir: string;
let host: PracticeHost;
let browser: Browser;
let axeSource: string;

beforeAll(async () => {
  // A private output folder: other suites may rebuild out/renderer at the same time.
  workDir = await mkdtemp(path.join(tmpdir(), 'rekey-e2e-'));
  await build({ only: ['renderer'], outDir: workDir, log: () => {} });
  host = await startPracticeHost({ rendererDir: path.join(workDir, 'renderer') });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await mkdir(screensDir, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Everything the page complains about: console errors, CSP violations, uncaught errors, failed loads. */
async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  // Chromium does not log a CSP violation that the page's code caught (zod's eval probe is one),
  // so listen for the violation events themselves.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * axe-core, injected through the DevTools protocol: a <script> tag would be
 * blocked by the console's own CSP (script-src 'self'), and bypassing the CSP
 * would stop this suite from noticing CSP violations in the app.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const installed = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!installed) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    // Tabster's focus-redirect sentinels (<i data-tabster-dummy aria-hidden tabindex=0>) are a known,
    // by-design false positive of aria-hidden-focus (microsoft/fluentui#27517); the rest of the page is audited.
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
}

async function openConsole(media: (typeof appearances)[number]['media']): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = await watchForProblems(page);
  await page.emulateMedia({ ...media, reducedMotion: 'reduce' });
  await page.goto(host.url);
  await expect.poll(() => page.getByText(/^Version \d/).count()).toBe(1);
  return { page, problems };
}

async function currentHeading(page: Page): Promise<string> {
  return page.getByRole('main').getByRole('heading', { level: 1 }).innerText();
}

describe('practice console in Chromium', () => {
  it.each(appearances)(
    'shows every screen in the $theme theme with no errors and no serious accessibility violations',
    async ({ theme, suffix, media }) => {
      const { page, problems } = await openConsole(media);
      try {
        // 'system' theme follows the emulated media; the header knows it is the practice console.
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        await expect.poll(() => page.getByText('Practice', { exact: true }).count()).toBe(1);
        // The token left the address bar as soon as the page read it.
        expect(page.url()).toBe(`${host.origin}/`);

        if (theme === 'light') {
          // Keyboard only: skip link first, then the navigation.
          await page.keyboard.press('Tab');
          expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
          await page.keyboard.press('Enter');
          expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
          await page.getByRole('tab', { name: 'Accounts' }).focus();
        }

        for (const [index, screen] of screens.entries()) {
          if (theme === 'light') {
            if (index > 0) await page.keyboard.press('ArrowDown');
            await page.keyboard.press('Enter');
            expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(screen.tab);
          } else {
            await page.getByRole('tab', { name: screen.tab }).click();
          }
          await expect.poll(() => currentHeading(page)).toBe(screen.heading);
          expect(await page.getByRole('tab', { name: screen.tab }).getAttribute('aria-selected')).toBe('true');
          await page.screenshot({ path: path.join(screensDir, `${screen.id}${suffix}.png`), animations: 'disabled' });
          expect(await seriousViolations(page), `${screen.id} in ${theme}`).toEqual([]);
        }
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    },
    60_000,
  );

  it('saves a theme choice through the bridge and repaints at once', async () => {
    const { page, problems } = await openConsole({ colorScheme: 'light', forcedColors: 'none' });
    try {
      await page.getByRole('tab', { name: 'Settings' }).click();
      await page.getByRole('radio', { name: 'Dark' }).check();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Theme saved.' }).count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await page.getByRole('radio', { name: 'Match Windows' }).check();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('refuses a bad pacing value with the reason, saves a good one, and keeps it across a reload', async () => {
    const { page, problems } = await openConsole({ colorScheme: 'light', forcedColors: 'none' });
    try {
      await page.getByRole('tab', { name: 'Settings' }).click();
      const concurrency = page.getByRole('spinbutton', { name: 'Batches in flight per directory' });
      await concurrency.fill('500');
      await page.getByRole('button', { name: 'Save pacing' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Pacing not saved' }).innerText()).toMatch(/The request for settings\.set was refused.*maxConcurrency/);

      await concurrency.fill('8');
      await concurrency.press('Enter');
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Pacing saved.' }).count()).toBe(1);

      // The token was moved out of the address bar into this tab's storage, so a reload reconnects.
      await page.reload();
      await page.getByRole('tab', { name: 'Settings' }).click();
      await expect.poll(() => page.getByRole('spinbutton', { name: 'Batches in flight per directory' }).inputValue()).toBe('8');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows the offline state when the practice host goes away', async () => {
    // A second host of its own, so stopping it does not disturb the other tests.
    const doomed = await startPracticeHost({ rendererDir: path.join(workDir, 'renderer') });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(doomed.url);
      await expect.poll(() => page.getByText(/^Version \d/).count()).toBe(1);
      await doomed.close();
      await expect.poll(() => page.getByText('The practice host stopped answering.', { exact: false }).count()).toBe(1);
      expect(await page.getByText('Offline', { exact: true }).count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(screensDir, 'offline.png'), animations: 'disabled' });
    } finally {
      await page.close();
    }
  });

  it('explains what to do when opened without the token', async () => {
    const page = await browser.newPage();
    const problems = await watchForProblems(page);
    try {
      await page.goto(`${host.origin}/`);
      await expect.poll(() => page.getByText('This page was opened without its access token.', { exact: false }).count()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
