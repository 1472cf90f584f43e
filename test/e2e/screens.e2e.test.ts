// The console in a real browser: Debian Chromium, driven by playwright-core,
// against the practice host started in this process. Every screen is visited
// (by keyboard in the light theme, by clicks in the others), photographed into
// test-results/screens/, checked for console and page errors, and audited with
// axe-core in light, dark and forced-colors (high contrast) modes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeHost, type PracticeHost } from '../../main/practice/host';
import { seriousViolations } from './support/axe';
import { appearances, openPage, screenshot, themed, type Media, type OpenedPage } from './support/browser';
import { watchForProblems, type ProblemWatchOptions } from './support/problems';
import { startSuite, type Suite } from './support/suite';

const screens = [
  { id: 'accounts', tab: 'Accounts', heading: 'Accounts' },
  { id: 'review', tab: 'Review & run', heading: 'Review & run' },
  { id: 'verify', tab: 'Verify', heading: 'Verify' },
  { id: 'activity', tab: 'Activity', heading: 'Activity' },
  { id: 'connections', tab: 'Connections', heading: 'Connections' },
  { id: 'settings', tab: 'Settings', heading: 'Settings' },
] as const;

/** Each theme with the suffix of its screenshots: accounts.png, accounts-dark.png, accounts-high-contrast.png. */
const themes = themed('light', 'dark', 'high-contrast').map(({ name, media }) => ({ theme: name, suffix: name === 'light' ? '' : `-${name}`, media }));

/** This suite also counts every HTTP error the practice host answers. */
const problemWatch: ProblemWatchOptions = { httpErrors: true };

let suite: Suite<PracticeHost>;

beforeAll(async () => {
  suite = await startSuite('screens', (rendererDir) => startPracticeHost({ rendererDir }));
}, 120_000);

afterAll(async () => {
  await suite?.close();
});

async function openConsole(media: Media): Promise<OpenedPage> {
  const opened = await openPage(suite.browser, suite.practice.url, { media, problems: problemWatch });
  await expect.poll(() => opened.page.getByText(/^Version \d/).count()).toBe(1);
  return opened;
}

async function currentHeading(page: Page): Promise<string> {
  return page.getByRole('main').getByRole('heading', { level: 1 }).innerText();
}

describe('practice console in Chromium', () => {
  it.each(themes)(
    'shows every screen in the $theme theme with no errors and no serious accessibility violations',
    async ({ theme, suffix, media }) => {
      const { page, problems } = await openConsole(media);
      try {
        // 'system' theme follows the emulated media; the header knows it is the practice console.
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        await expect.poll(() => page.getByText('Practice', { exact: true }).count()).toBe(1);
        // The token left the address bar as soon as the page read it.
        expect(page.url()).toBe(`${suite.practice.origin}/`);

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
          await screenshot(page, `${screen.id}${suffix}`);
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
    const { page, problems } = await openConsole(appearances.light);
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
    const { page, problems } = await openConsole(appearances.light);
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
    const doomed = await startPracticeHost({ rendererDir: suite.rendererDir });
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(doomed.url);
      await expect.poll(() => page.getByText(/^Version \d/).count()).toBe(1);
      await doomed.close();
      await expect.poll(() => page.getByText('The practice host stopped answering.', { exact: false }).count()).toBe(1);
      expect(await page.getByText('Offline', { exact: true }).count()).toBeGreaterThan(0);
      await screenshot(page, 'offline');
    } finally {
      await page.close();
    }
  });

  it('explains what to do when opened without the token', async () => {
    const page = await suite.browser.newPage();
    const problems = await watchForProblems(page, problemWatch);
    try {
      await page.goto(`${suite.practice.origin}/`);
      await expect.poll(() => page.getByText('This page was opened without its access token.', { exact: false }).count()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
