// The Accounts screen in Debian Chromium against the real practice console
// (main/practice/console.ts): listing, counts, search, facets, keyboard
// selection, CSV import with a row-level report, the exclusions panel, axe in
// light/dark/forced-colors, and a 50,000-account listing scrolled to its end.
// Screenshots go to test-results/screens/accounts-*.png.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeConsole, type PracticeConsole } from '../../main/practice/console';
import { build, repoRoot } from '../../main/tooling/build';

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'];
const screensDir = path.join(repoRoot, 'test-results', 'screens');

type Media = { colorScheme: 'light' | 'dark'; forcedColors: 'none' | 'active' };
const light: Media = { colorScheme: 'light', forcedColors: 'none' };

let workDir: string;
let practice: PracticeConsole;
let browser: Browser;
let axeSource: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'rekey-accounts-e2e-'));
  await build({ only: ['renderer'], outDir: workDir, log: () => {} });
  practice = await startPracticeConsole({ rendererDir: path.join(workDir, 'renderer') });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await mkdir(screensDir, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await practice?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  return problems;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core through the DevTools protocol (the CSP blocks a script tag); Tabster's sentinels are a known false positive. */
async function seriousViolations(page: Page): Promise<string[]> {
  const installed = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!installed) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
}

async function openAccounts(url: string, media: Media = light, timeout = 30_000): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = await watchForProblems(page);
  await page.emulateMedia({ ...media, reducedMotion: 'reduce' });
  await page.goto(url);
  await expect.poll(() => page.getByText(/accounts? listed\.$/).count(), { timeout }).toBe(1);
  return { page, problems };
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Accounts' });
const summary = (page: Page) => page.getByRole('status').filter({ hasText: /selected/ }).first();

/** "12 of 560 accounts · 3 selected" as numbers. */
async function counts(page: Page): Promise<{ shown: number; total: number; selected: number }> {
  const text = (await summary(page).innerText()).replace(/,/g, '');
  const match = /(\d+) of (\d+) accounts? · (\d+) selected/.exec(text);
  if (!match) throw new Error(`Unexpected summary: ${text}`);
  return { shown: Number(match[1]), total: Number(match[2]), selected: Number(match[3]) };
}

/** Text of one column for the rows currently rendered. */
async function columnTexts(page: Page, column: number): Promise<string[]> {
  return grid(page)
    .locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"])')
    .evaluateAll((rows, index) => rows.map((row) => (row.querySelectorAll('[role="gridcell"]')[index] as HTMLElement | undefined)?.innerText ?? ''), column);
}

const row = (page: Page, position: number) => grid(page).locator(`[role="row"][aria-rowindex="${position + 2}"]`);

describe('Accounts screen', () => {
  it('lists the practice accounts with counts, per-directory state and an accessible grid', async () => {
    const { page, problems } = await openAccounts(practice.url);
    try {
      const { shown, total, selected } = await counts(page);
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
      await page.screenshot({ path: path.join(screensDir, 'accounts-grid.png'), animations: 'disabled' });
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('narrows instantly with search ("/" focuses it) and with facet filters, and sorts by a header', async () => {
    const { page, problems } = await openAccounts(practice.url);
    try {
      const { total } = await counts(page);
      await page.locator('body').press('/');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Search accounts/);
      await page.keyboard.type('adele');
      await expect.poll(async () => (await counts(page)).shown).toBeLessThan(total);
      const names = await columnTexts(page, 1);
      const displayNames = await columnTexts(page, 2);
      expect(names.length).toBeGreaterThan(0);
      names.forEach((name, index) => expect(`${name} ${displayNames[index]}`.toLowerCase()).toContain('adele'));
      await page.screenshot({ path: path.join(screensDir, 'accounts-search.png'), animations: 'disabled' });

      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(async () => (await counts(page)).shown).toBe(total);

      // Directory facet: only Fabrikam.
      await page.getByRole('combobox', { name: 'Filter by directory' }).click();
      await page.getByRole('menuitemcheckbox', { name: /Fabrikam/ }).click();
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await counts(page)).shown).toBeLessThan(total);
      expect(new Set(await columnTexts(page, 3))).toEqual(new Set(['Fabrikam (practice Okta)']));
      // And privileged only.
      await page.getByRole('combobox', { name: 'Filter by privileged' }).click();
      await page.getByRole('menuitemcheckbox', { name: /^Privileged/ }).click();
      await page.keyboard.press('Escape');
      await expect.poll(async () => new Set(await columnTexts(page, 7))).toEqual(new Set(['Yes']));
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(screensDir, 'accounts-facets.png'), animations: 'disabled' });
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
    const { page, problems } = await openAccounts(practice.url);
    try {
      const { total } = await counts(page);
      await row(page, 0).click();
      expect((await counts(page)).selected).toBe(1);
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('3');
      expect((await counts(page)).selected).toBe(1);
      await page.keyboard.press('Space');
      expect((await counts(page)).selected).toBe(2);
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+ArrowDown');
      expect((await counts(page)).selected).toBe(4);
      expect(await row(page, 3).getAttribute('aria-selected')).toBe('true');
      expect(await row(page, 4).getAttribute('aria-selected')).toBe('false');
      // Shrinking the range back drops the far row again.
      await page.keyboard.press('Shift+ArrowUp');
      expect((await counts(page)).selected).toBe(3);
      await page.screenshot({ path: path.join(screensDir, 'accounts-selection.png'), animations: 'disabled' });

      await page.keyboard.press('End');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe(String(total + 1));
      await page.keyboard.press('Home');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('2');
      await page.keyboard.press('PageDown');
      expect(Number(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex')))).toBeGreaterThan(10);

      await page.keyboard.press('Control+a');
      expect((await counts(page)).selected).toBe(total);
      await page.getByRole('button', { name: 'Clear selection' }).click();
      expect((await counts(page)).selected).toBe(0);

      await row(page, 2).click();
      await row(page, 5).click({ modifiers: ['Shift'] });
      expect((await counts(page)).selected).toBe(4);
      await row(page, 8).click({ modifiers: ['Control'] });
      expect((await counts(page)).selected).toBe(5);
      await row(page, 3).click({ modifiers: ['Control'] });
      expect((await counts(page)).selected).toBe(4);
      expect(await row(page, 3).getAttribute('aria-selected')).toBe('false');

      // A filter hides selected rows: the summary says so.
      await page.getByRole('searchbox').fill('zzzz-nothing');
      await expect.poll(() => summary(page).innerText()).toMatch(/4 not shown by the current search and filters/);
      await page.getByRole('searchbox').fill('');

      // "Select all matching" adds what the filters show; Review plan then leads on.
      await page.getByRole('combobox', { name: 'Filter by enabled' }).click();
      await page.getByRole('menuitemcheckbox', { name: /^Disabled/ }).click();
      await page.keyboard.press('Escape');
      const disabled = (await counts(page)).shown;
      await page.getByRole('button', { name: 'Select all matching' }).click();
      expect((await counts(page)).selected).toBeGreaterThanOrEqual(disabled);
      await page.getByRole('button', { name: 'Review plan' }).click();
      await expect.poll(() => page.getByRole('main').getByRole('heading', { level: 1 }).innerText()).toBe('Review & run');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('imports a CSV with good, unknown and malformed rows and reports each bad row by line', async () => {
    const { page, problems } = await openAccounts(practice.url);
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
      await page.screenshot({ path: path.join(screensDir, 'accounts-csv-report.png'), animations: 'disabled' });
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Select 3 accounts' }).click();
      expect((await counts(page)).selected).toBe(3);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows every excluded account with the set, rule and reason in the exclusions panel', async () => {
    const { page, problems } = await openAccounts(practice.url);
    try {
      await page.getByRole('button', { name: 'Select all matching' }).click();
      const { selected } = await counts(page);
      await page.getByRole('button', { name: /^Exclusions/ }).click();
      const drawer = page.getByRole('dialog', { name: 'Exclusions' });
      await expect.poll(() => drawer.getByText(new RegExp(`of the ${selected.toLocaleString('en-US')} selected accounts are excluded`)).count(), { timeout: 20_000 }).toBe(1);
      const excluded = drawer.getByRole('grid', { name: 'Excluded accounts' });
      expect(Number(await excluded.getAttribute('aria-rowcount'))).toBeGreaterThan(1);
      expect(await excluded.getByText(/skip-disabled/).count()).toBeGreaterThan(0);
      expect(await drawer.getByRole('table').getByText('Disabled accounts').count()).toBe(1);
      await page.screenshot({ path: path.join(screensDir, 'accounts-exclusions.png'), animations: 'disabled' });
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
    const doomed = await startPracticeConsole({ rendererDir: path.join(workDir, 'renderer') });
    const { page } = await openAccounts(doomed.url);
    try {
      const { total } = await counts(page);
      await doomed.close();
      await expect.poll(() => page.getByText(/listed before the console lost its connection/).count(), { timeout: 20_000 }).toBe(1);
      expect((await counts(page)).total).toBe(total);
      expect(await page.getByRole('button', { name: 'Refresh' }).isDisabled()).toBe(true);
      await page.screenshot({ path: path.join(screensDir, 'accounts-offline.png'), animations: 'disabled' });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.close();
      await doomed.close();
    }
  });

  it.each([
    { name: 'dark', media: { colorScheme: 'dark', forcedColors: 'none' } as Media },
    { name: 'high-contrast', media: { colorScheme: 'dark', forcedColors: 'active' } as Media },
  ])('has no serious accessibility violations in the $name theme, with rows selected', async ({ name, media }) => {
    const { page, problems } = await openAccounts(practice.url, media);
    try {
      await row(page, 1).click();
      await row(page, 3).click({ modifiers: ['Shift'] });
      await page.screenshot({ path: path.join(screensDir, `accounts-grid-${name}.png`), animations: 'disabled' });
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
    big = await startPracticeConsole({ rendererDir: path.join(workDir, 'renderer'), practiceAccounts: 50_000 });
  }, 120_000);

  afterAll(async () => {
    await big?.close();
  });

  it('loads all 50,000 practice accounts and scrolls to the last row', async () => {
    // A cold listing of every practice directory takes tens of seconds on this machine: rows are counted, not timed.
    const { page, problems } = await openAccounts(big.url, light, 80_000);
    try {
      const { total, shown } = await counts(page);
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
      expect((await counts(page)).selected).toBe(total);
      await page.screenshot({ path: path.join(screensDir, 'accounts-50k-end.png'), animations: 'disabled' });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
