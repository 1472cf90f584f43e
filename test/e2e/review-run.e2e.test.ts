// Review & run in Debian Chromium against the real practice console: the plan
// of a selection (summary, warnings by kind, exclusions with reasons), typed
// confirmation of a privileged Windows account (exact spelling), "Export plan"
// as a download, the run with progress, the evidence drawer (Esc closes it),
// and every approved account verified. axe in light, dark and forced colors.
// Screenshots: test-results/screens/review-run-*.png.
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
const appearances: Array<{ name: string; media: Media }> = [
  { name: 'dark', media: { colorScheme: 'dark', forcedColors: 'none' } },
  { name: 'high-contrast', media: { colorScheme: 'dark', forcedColors: 'active' } },
];

let workDir: string;
let practice: PracticeConsole;
let browser: Browser;
let axeSource: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'rekey-review-run-e2e-'));
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
  page.on('requestfailed', (request) => {
    // A saved download's blob URL is revoked after the click; that is not a failure of the page.
    if (!request.url().startsWith('blob:')) problems.push(`request failed: ${request.url()}`);
  });
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

async function openConsole(media: Media = { colorScheme: 'light', forcedColors: 'none' }): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const problems = await watchForProblems(page);
  await page.emulateMedia({ ...media, reducedMotion: 'reduce' });
  await page.goto(practice.url);
  await expect.poll(() => page.getByText(/accounts? listed\.$/).count(), { timeout: 30_000 }).toBe(1);
  return { page, problems };
}

/** On Accounts: pick every account of the simulated Windows hosts with the directory filter, then open Review & run. */
async function reviewWindowsAccounts(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Filter by directory' }).click();
  // A multi-select Fluent Dropdown renders its options as menuitemcheckbox (older versions: option).
  await page.locator('[role="option"], [role="menuitemcheckbox"]').filter({ hasText: 'Practice Windows hosts' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Select all matching' }).click();
  await page.getByRole('button', { name: 'Review plan' }).click();
  await page.getByRole('heading', { name: /^Accounts in the plan/ }).waitFor();
}

const runButton = (page: Page) => page.getByRole('region', { name: 'Approve and run' }).getByRole('button', { name: /^(Run|Starting)/ });
const typedField = (page: Page, login: string) => page.getByRole('textbox', { name: new RegExp(`^Type ${login} to approve`) });

/** Number of the status chip's count in the run summary ("Verified 4"). */
async function statusCount(page: Page, label: string): Promise<number> {
  const items = await page.getByRole('list', { name: 'Accounts by status' }).getByRole('listitem').allInnerTexts();
  const item = items.find((text) => text.replace(/\s+/g, ' ').trim().startsWith(`${label} `));
  return item ? Number(item.replace(/\D+/g, '')) : 0;
}

describe('Review & run', () => {
  it('says to pick accounts first when nothing is selected', async () => {
    const { page, problems } = await openConsole();
    try {
      await page.getByRole('tab', { name: 'Review & run' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Nothing to review yet' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Go to Accounts' }).click();
      expect(await page.getByRole('tab', { name: 'Accounts' }).getAttribute('aria-selected')).toBe('true');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('plans a selection, demands the exact name of the privileged account, exports the plan, runs and verifies every approved account', async () => {
    const { page, problems } = await openConsole();
    try {
      await reviewWindowsAccounts(page);

      // The plan: numbers, warnings grouped by kind with their sentence, exclusions with reasons.
      const summary = page.getByRole('region', { name: 'Plan summary' });
      expect(await summary.innerText()).toMatch(/15\s+Selected/);
      expect(await summary.innerText()).toMatch(/Practice Windows hosts: \d+ planned, \d+ excluded/);
      const warnings = page.getByRole('region', { name: /^Warnings/ });
      expect(await warnings.getByRole('heading', { name: 'Sessions are not ended' }).count()).toBe(1);
      expect(await warnings.innerText()).toMatch(/sign the users out or restart the machines/);
      const excluded = page.getByRole('region', { name: /^Excluded/ });
      expect(await excluded.innerText()).toMatch(/by Built-in protections/);
      await excluded.getByRole('button', { name: /^Show the \d+ excluded accounts with reasons/ }).click();
      expect(await excluded.getByRole('list', { name: 'Excluded accounts' }).innerText()).toMatch(/PARIS-FS01\\Administrateur/);
      await page.screenshot({ path: path.join(screensDir, 'review-run-plan.png'), animations: 'disabled' });
      expect(await seriousViolations(page)).toEqual([]);

      // Options re-plan at once (a dry run): without "force a change", Windows accounts have nothing to do.
      const withWork = async () => Number(/([\d,]+)\s+With work to do/.exec(await summary.innerText())?.[1]?.replace(/,/g, ''));
      const planned = await withWork();
      expect(planned).toBeGreaterThan(0);
      await page.getByRole('switch', { name: /^Force a password change at next sign-in/ }).click();
      await expect.poll(withWork, { timeout: 15_000 }).toBe(0);
      await page.getByRole('switch', { name: /^Force a password change at next sign-in/ }).click();
      await expect.poll(withWork, { timeout: 15_000 }).toBe(planned);

      // d'artagnan is privileged: Run stays disabled until his name is typed exactly (SAM names are case-sensitive).
      await page.getByRole('button', { name: 'Needs approval' }).click();
      expect(await runButton(page).getAttribute('aria-disabled')).toBe('true');
      expect(await page.getByRole('region', { name: 'Approve and run' }).innerText()).toMatch(/One account needs its name typed to approve it, or to be left out\./);
      await typedField(page, "d'artagnan").fill("D'Artagnan");
      await expect.poll(() => page.getByText('Does not match').count()).toBe(1);
      expect(await typedField(page, "d'artagnan").getAttribute('aria-invalid')).toBe('true');
      expect(await runButton(page).getAttribute('aria-disabled')).toBe('true');
      await typedField(page, "d'artagnan").fill("d'artagnan");
      await expect.poll(() => page.getByText('Matches', { exact: true }).count()).toBe(1);
      await page.getByRole('button', { name: /^Confirm all \d+ that need confirmation/ }).click();
      await expect.poll(() => runButton(page).getAttribute('aria-disabled')).not.toBe('true');
      const runLabel = await runButton(page).innerText();
      const approved = Number(/Run (\d+) accounts?/.exec(runLabel)?.[1]);
      expect(approved).toBeGreaterThan(1);
      await page.screenshot({ path: path.join(screensDir, 'review-run-approved.png'), animations: 'disabled' });
      expect(await seriousViolations(page)).toEqual([]);

      // Export plan (dry run): a JSON file with the plan as it stands.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export plan (dry run)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as { entries: Array<{ account: { login: string } }>; excluded: unknown[] };
      expect(exported.entries.map((entry) => entry.account.login)).toContain("d'artagnan");
      expect(exported.entries).toHaveLength(approved);
      expect(exported.excluded.length).toBeGreaterThan(0);

      // Run: progress, then every approved account verified.
      await runButton(page).click();
      await page.getByRole('progressbar', { name: 'Accounts done' }).waitFor();
      await page.getByRole('heading', { name: 'Finished', level: 2 }).waitFor({ timeout: 60_000 });
      await expect.poll(() => statusCount(page, 'Verified'), { timeout: 15_000 }).toBe(approved);
      expect(await statusCount(page, 'Failed')).toBe(0);
      expect(await statusCount(page, 'Not verified')).toBe(0);
      expect(await page.getByRole('progressbar', { name: 'Accounts done' }).getAttribute('aria-valuetext')).toBe(`${approved} of ${approved} accounts done`);
      expect(await page.getByRole('list', { name: 'Progress per directory' }).innerText()).toMatch(/Practice Windows hosts\s+\d+ of \d+ accounts/);
      await page.screenshot({ path: path.join(screensDir, 'review-run-finished.png'), animations: 'disabled' });
      expect(await seriousViolations(page)).toEqual([]);

      // The evidence drawer: steps with PowerShell evidence, verification; Enter opens it, Esc closes it.
      const row = page.getByRole('list', { name: 'Accounts in the run' }).getByRole('button', { name: /^PARIS-FS01\\d'artagnan .*Verified/ });
      await row.focus();
      await page.keyboard.press('Enter');
      const drawer = page.getByRole('dialog', { name: "Evidence for PARIS-FS01\\d'artagnan" });
      await drawer.waitFor();
      const evidence = await drawer.innerText();
      expect(evidence).toMatch(/Force change at next sign-in/);
      expect(evidence).toMatch(/PowerShell/);
      expect(evidence).toMatch(/Exit status 0/);
      expect(evidence).toMatch(/Must change at next sign-in\s+Yes/);
      await page.screenshot({ path: path.join(screensDir, 'review-run-drawer.png'), animations: 'disabled' });
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => drawer.count()).toBe(0);
      // Focus goes back to the row the drawer was opened from.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^PARIS-FS01\\d'artagnan/);

      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 90_000);

  it('cancels a running run after asking, and offers what did not run as a new plan to review', async () => {
    const { page, problems } = await openConsole();
    try {
      // Every account: a run long enough to cancel (hundreds of accounts, paced by each directory).
      await page.getByRole('button', { name: 'Select all matching' }).click();
      await page.getByRole('button', { name: 'Review plan' }).click();
      await page.getByRole('heading', { name: /^Accounts in the plan/ }).waitFor({ timeout: 30_000 });
      const first = page.getByRole('textbox', { name: /^Type .+ to approve / }).first();
      await first.fill((await first.getAttribute('placeholder'))!.replace(/^Type /, ''));
      await page.getByRole('button', { name: /^Leave out the \d+ not typed/ }).click();
      await page.getByRole('button', { name: /^Confirm all \d+ that need confirmation/ }).click();
      await runButton(page).click();

      await page.getByRole('button', { name: 'Cancel run' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Cancel the run?' });
      await confirm.waitFor();
      await page.screenshot({ path: path.join(screensDir, 'review-run-cancel.png'), animations: 'disabled' });
      expect(await seriousViolations(page)).toEqual([]);
      await confirm.getByRole('button', { name: 'Cancel the run' }).click();
      await page.getByRole('heading', { name: 'Cancelled', level: 2 }).waitFor({ timeout: 60_000 });
      await expect.poll(() => statusCount(page, 'Cancelled'), { timeout: 15_000 }).toBeGreaterThan(0);
      // Accounts reached before the cancel were applied and verified; the rest were left unchanged.
      expect(await statusCount(page, 'Verified')).toBeGreaterThan(0);
      const cancelled = await statusCount(page, 'Cancelled');
      await page.screenshot({ path: path.join(screensDir, 'review-run-cancelled.png'), animations: 'disabled' });

      await page.getByRole('button', { name: 'Retry failed' }).click();
      await expect.poll(() => page.getByText(/^Retry of [\d,]+ accounts? that failed, were cancelled or did not verify\./).count(), { timeout: 30_000 }).toBe(1);
      await page.getByRole('heading', { name: /^Accounts in the plan/ }).waitFor();
      expect(await page.getByRole('region', { name: 'Plan summary' }).innerText()).toMatch(new RegExp(`${cancelled.toLocaleString('en-US')}\\s+Selected`));
      await page.screenshot({ path: path.join(screensDir, 'review-run-retry-plan.png'), animations: 'disabled' });
      await page.getByRole('button', { name: 'Back to the selection' }).click();
      await expect.poll(() => page.getByText(/^Plan for [\d,]+ selected accounts\./).count(), { timeout: 30_000 }).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 90_000);

  it.each(appearances)('is readable and passes axe in the $name theme, plan to evidence', async ({ name, media }) => {
    const { page, problems } = await openConsole(media);
    try {
      await reviewWindowsAccounts(page);
      await typedField(page, "d'artagnan").fill("d'artagnan");
      await page.getByRole('button', { name: /^Confirm all \d+ that need confirmation/ }).click();
      await page.getByRole('heading', { name: /^Accounts in the plan/ }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(screensDir, `review-run-plan-${name}.png`), animations: 'disabled' });
      expect(await seriousViolations(page), `plan in ${name}`).toEqual([]);
      await runButton(page).click();
      await page.getByRole('heading', { name: 'Finished', level: 2 }).waitFor({ timeout: 60_000 });
      await page.getByRole('list', { name: 'Accounts in the run' }).getByRole('button').first().click();
      const drawer = page.getByRole('dialog', { name: /^Evidence for / });
      await drawer.waitFor();
      await page.screenshot({ path: path.join(screensDir, `review-run-drawer-${name}.png`), animations: 'disabled' });
      expect(await seriousViolations(page), `drawer in ${name}`).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => drawer.count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
      await page.screenshot({ path: path.join(screensDir, `review-run-finished-${name}.png`), animations: 'disabled' });
      expect(await seriousViolations(page), `run in ${name}`).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
