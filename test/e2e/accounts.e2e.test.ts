// The Accounts screen in Debian Chromium against the real practice console
// (main/practice/console.ts): listing, counts, search, facets, keyboard
// selection, CSV import with a row-level report, the exclusions panel, axe in
// light/dark/forced-colors, and a 50,000-account listing scrolled to its end.
// Screenshots go to test-results/screens/accounts-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeConsole, type PracticeConsole } from '../../main/practice/console';
import { seriousViolations } from './support/axe';
import { appearances, openPage, screenshot, themed, type Media, type OpenedPage } from './support/browser';
import { accountCounts, selectionSummary } from './support/console';
import { startConsoleSuite, type Suite } from './support/suite';

let suite: Suite<PracticeConsole>;

beforeAll(async () => {
  suite = await startConsoleSuite('accounts');
}, 120_000);

afterAll(async () => {
  await suite?.close();
});

async function openAccounts(url: string, media: Media = appearances.light, timeout = 30_000): Promise<OpenedPage> {
  const opened = await openPage(suite.browser, url, { media });
  await expect.poll(() => opened.page.getByText(/accounts? listed\.$/).count(), { timeout }).toBe(1);
  return opened;
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Accounts' });

/** Text of one column for the rows currently rendered. */
async function columnTexts(page: Page, column: number): Promise<string[]> {
  return grid(page)
    .locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"])')
    .evaluateAll((rows, index) => rows.map((row) => (row.querySelectorAll('[role="gridcell"]')[index] as HTMLElement | undefined)?.innerText ?? ''), column);
}

const row = (page: Page, position: number) => grid(page).locator(`[role="row"][aria-rowindex="${position + 2}"]`);

describe('Accounts screen', () => {
  it('lists the practice accounts with counts, per-directory state and an accessible grid', async () => {
    const { page, problems } = await openAccounts(suite.practice.url);
    try {
      const { shown, total, selected } = await accountCounts(page);
      expect(total).toBeGreaterThan(100);
      expect(shown).toBe(total);
      expect(selected).toBe(0);
      expect(await grid(page).getAttribute('aria-rowcount')).toBe(String(total + 1));
      expect(await grid(page).getAttribute('aria-colcount')).toBe('10');
      expect(await grid(page).getByRole('columnheader').allInnerTexts()).toEqual(
        expect.arrayContaining(['Name', 'Display name', 'Directory', 'Status', 'Must change', 'Never expires', 'Privileged', 'Last sign-in', 'Groups']),
      );
      // Only a window of rows exists in the DOM.
      const rendered = await grid(page).locator('[role="row"]').count();
      expect(rendered).toBeLessThan(80);
      const directories = await page.getByRole('list', { name: 'Directories' }).getByRole('listitem').allInnerTexts();
      expect(directories.join(' | ')).toMatch(/Contoso \(practice Entra\) [\d,]+ accounts/);
      await screenshot(page, 'accounts-grid');
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('narrows instantly with search ("/" focuses it) and with facet filters, and sorts by a header', async () => {
    const { page, problems } = await openAccounts(suite.practice.url);
    try {
      const { total } = await accountCounts(page);
      await page.locator('body').press('/');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Search accounts/);
      await page.keyboard.type('adele');
      await expect.poll(async () => (await accountCounts(page)).shown).toBeLessThan(total);
      const names = await columnTexts(page, 1);
      const displayNames = await columnTexts(page, 2);
      expect(names.length).toBeGreaterThan(0);
      names.forEach((name, index) => expect(`${name} ${displayNames[index]}`.toLowerCase()).toContain('adele'));
      await screenshot(page, 'accounts-search');

      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(async () => (await accountCounts(page)).shown).toBe(total);

      // Directory facet: only Fabrikam.
      await page.getByRole('combobox', { name: 'Filter by directory' }).click();
      await page.getByRole('menuitemcheckbox', { name: /Fabrikam/ }).click();
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await accountCounts(page)).shown).toBeLessThan(total);
      expect(new Set(await columnTexts(page, 3))).toEqual(new Set(['Fabrikam (practice Okta)']));
      // And privileged only.
      await page.getByRole('combobox', { name: 'Filter by privileged' }).click();
      await page.getByRole('menuitemcheckbox', { name: /^Privileged/ }).click();
      await page.keyboard.press('Escape');
      await expect.poll(async () => new Set(await columnTexts(page, 7))).toEqual(new Set(['Yes']));
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'accounts-facets');
      await page.getByRole('button', { name: 'Clear filters' }).click();

      // No match: the grid says so and offers the way back.
      await page.getByRole('searchbox').fill('no-account-is-called-this');
      await expect.poll(() => page.getByText('No account matches the search and filters.').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Clear search and filters' }).click();

      // Sort by name, descending on the second click (Enter on the focused header).
      const header = grid(page).getByRole('columnheader', { name: 'Name', exact: true });
      await header.click();
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      const ascending = await columnTexts(page, 1);
      expect([...ascending].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))[0]?.slice(0, 1).toLowerCase()).toBe(ascending[0]?.slice(0, 1).toLowerCase());
      await header.press('Enter');
      expect(await header.getAttribute('aria-sort')).toBe('descending');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('selects with the keyboard: arrows, Space, Shift+arrows, Ctrl+A; and with Shift/Ctrl+click', async () => {
    const { page, problems } = await openAccounts(suite.practice.url);
    try {
      const { total } = await accountCounts(page);
      await row(page, 0).click();
      expect((await accountCounts(page)).selected).toBe(1);
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('3');
      expect((await accountCounts(page)).selected).toBe(1);
      await page.keyboard.press('Space');
      expect((await accountCounts(page)).selected).toBe(2);
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+ArrowDown');
      expect((await accountCounts(page)).selected).toBe(4);
      expect(await row(page, 3).getAttribute('aria-selected')).toBe('true');
      expect(await row(page, 4).getAttribute('aria-selected')).toBe('false');
      // Shrinking the range back drops the far row again.
      await page.keyboard.press('Shift+ArrowUp');
      expect((await accountCounts(page)).selected).toBe(3);
      await screenshot(page, 'accounts-selection');

      await page.keyboard.press('End');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe(String(total + 1));
      await page.keyboard.press('Home');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('2');
      await page.keyboard.press('PageDown');
      expect(Number(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex')))).toBeGreaterThan(10);

      await page.keyboard.press('Control+a');
      expect((await accountCounts(page)).selected).toBe(total);
      await page.getByRole('button', { name: 'Clear selection' }).click();
      expect((await accountCounts(page)).selected).toBe(0);

      await row(page, 2).click();
      await row(page, 5).click({ modifiers: ['Shift'] });
      expect((await accountCounts(page)).selected).toBe(4);
      await row(page, 8).click({ modifiers: ['Control'] });
      expect((await accountCounts(page)).selected).toBe(5);
      await row(page, 3).click({ modifiers: ['Control'] });
      expect((await accountCounts(page)).selected).toBe(4);
      expect(await row(page, 3).getAttribute('aria-selected')).toBe('false');

      // A filter hides selected rows: the summary says so.
      await page.getByRole('searchbox').fill('zzzz-nothing');
      await expect.poll(() => selectionSummary(page).innerText()).toMatch(/4 not shown by the current search and filters/);
      await page.getByRole('searchbox').fill('');

      // "Select all matching" adds what the filters show; Review plan then leads on.
      await page.getByRole('combobox', { name: 'Filter by enabled' }).click();
      await page.getByRole('menuitemcheckbox', { name: /^Disabled/ }).click();
      await page.keyboard.press('Escape');
      const disabled = (await accountCounts(page)).shown;
      await page.getByRole('button', { name: 'Select all matching' }).click();
      expect((await accountCounts(page)).selected).toBeGreaterThanOrEqual(disabled);
      await page.getByRole('button', { name: 'Review plan' }).click();
      await expect.poll(() => page.getByRole('main').getByRole('heading', { level: 1 }).innerText()).toBe('Review & run');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('imports a CSV with good, unknown and malformed rows and reports each bad row by line', async () => {
    const { page, problems } = await openAccounts(suite.practice.url);
    try {
      const keys = await grid(page)
        .locator('[role="row"][data-key]')
        .evaluateAll((rows) => rows.slice(0, 3).map((element) => element.getAttribute('data-key') ?? ''));
      const [first, second, third] = keys.map((key) => {
        const bar = key.indexOf('|');
        return { directory: key.slice(0, bar), id: key.slice(bar + 1) };
      });
      const csv = [
        'directory,id',
        `${first?.directory},${first?.id}`,
        `${second?.directory},${second?.id}`,
        `${first?.directory},no-such-account-id`,
        'this line,has,too many,fields',
        `${third?.directory},${third?.id}`,
        'Nowhere Directory,someone',
        `${first?.directory},${first?.id}`,
      ].join('\n');
      await page.getByTestId('csv-file-input').setInputFiles({ name: 'suspects.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.getByText(/^suspects\.csv: /).count(), { timeout: 20_000 }).toBe(1);
      expect(await dialog.getByText(/3 accounts found/).count()).toBe(1);
      const report = dialog.getByRole('grid', { name: 'Rows with a problem' });
      const lines = await report.locator('[role="row"][data-key]').evaluateAll((rows) => rows.map((element) => (element.querySelector('[role="gridcell"]') as HTMLElement).innerText));
      expect(lines).toEqual(expect.arrayContaining(['4', '5', '7']));
      expect(await report.getByText(/no-such-account-id/).count()).toBe(1);
      expect(await report.getByText('Malformed line').count()).toBeGreaterThan(0);
      await screenshot(page, 'accounts-csv-report');
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Select 3 accounts' }).click();
      expect((await accountCounts(page)).selected).toBe(3);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows every excluded account with the set, rule and reason in the exclusions panel', async () => {
    const { page, problems } = await openAccounts(suite.practice.url);
    try {
      await page.getByRole('button', { name: 'Select all matching' }).click();
      const { selected } = await accountCounts(page);
      await page.getByRole('button', { name: /^Exclusions/ }).click();
      const drawer = page.getByRole('dialog', { name: 'Exclusions' });
      await expect.poll(() => drawer.getByText(new RegExp(`of the ${selected.toLocaleString('en-US')} selected accounts are excluded`)).count(), { timeout: 20_000 }).toBe(1);
      const excluded = drawer.getByRole('grid', { name: 'Excluded accounts' });
      expect(Number(await excluded.getAttribute('aria-rowcount'))).toBeGreaterThan(1);
      expect(await excluded.getByText(/skip-disabled/).count()).toBeGreaterThan(0);
      expect(await drawer.getByRole('table').getByText('Disabled accounts').count()).toBe(1);
      await screenshot(page, 'accounts-exclusions');
      expect(await seriousViolations(page)).toEqual([]);
      // Unticking a set re-checks: its rule no longer appears.
      await drawer.getByRole('checkbox', { name: /^Disabled accounts/ }).click();
      await expect.poll(() => excluded.getByText(/skip-disabled/).count()).toBe(0);
      await page.keyboard.press('Escape');
      await expect.poll(() => drawer.count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('keeps the listed accounts visible and says so when the console goes offline', async () => {
    // A console of its own, so stopping it does not disturb the other tests.
    const doomed = await startPracticeConsole({ rendererDir: suite.rendererDir });
    const { page } = await openAccounts(doomed.url);
    try {
      const { total } = await accountCounts(page);
      await doomed.close();
      await expect.poll(() => page.getByText(/listed before the console lost its connection/).count(), { timeout: 20_000 }).toBe(1);
      expect((await accountCounts(page)).total).toBe(total);
      expect(await page.getByRole('button', { name: 'Refresh' }).isDisabled()).toBe(true);
      await screenshot(page, 'accounts-offline');
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.close();
      await doomed.close();
    }
  });

  it.each(themed('dark', 'high-contrast'))('has no serious accessibility violations in the $name theme, with rows selected', async ({ name, media }) => {
    const { page, problems } = await openAccounts(suite.practice.url, media);
    try {
      await row(page, 1).click();
      await row(page, 3).click({ modifiers: ['Shift'] });
      await screenshot(page, `accounts-grid-${name}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('Accounts screen at scale', () => {
  let big: PracticeConsole;

  beforeAll(async () => {
    big = await startPracticeConsole({ rendererDir: suite.rendererDir, practiceAccounts: 50_000 });
  }, 120_000);

  afterAll(async () => {
    await big?.close();
  });

  it('loads all 50,000 practice accounts and scrolls to the last row', async () => {
    // A cold listing of every practice directory takes tens of seconds on this machine: rows are counted, not timed.
    const { page, problems } = await openAccounts(big.url, appearances.light, 80_000);
    try {
      const { total, shown } = await accountCounts(page);
      const perDirectory = await page.getByRole('list', { name: 'Directories' }).getByRole('listitem').allInnerTexts();
      const listed = perDirectory.reduce((sum, text) => sum + Number((/([\d,]+) accounts?$/.exec(text)?.[1] ?? '0').replace(/,/g, '')), 0);
      expect(total).toBe(listed);
      expect(total).toBeGreaterThan(45_000);
      expect(shown).toBe(total);
      expect(await grid(page).getAttribute('aria-rowcount')).toBe(String(total + 1));
      await row(page, 0).click();
      await page.keyboard.press('End');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe(String(total + 1));
      expect(await row(page, total - 1).isVisible()).toBe(true);
      await page.keyboard.press('Control+a');
      expect((await accountCounts(page)).selected).toBe(total);
      await screenshot(page, 'accounts-50k-end');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
