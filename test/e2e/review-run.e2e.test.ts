// Review & run in Debian Chromium against the real practice console: the plan
// of a selection (summary, warnings by kind, exclusions with reasons), typed
// confirmation of a privileged Windows account (exact spelling), "Export plan"
// as a download, the run with progress, the evidence drawer (Esc closes it),
// and every approved account verified. axe in light, dark and forced colors.
// Screenshots: test-results/screens/review-run-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeConsole } from '../../main/practice/console';
import { seriousViolations } from './support/axe';
import { appearances, captureDownload, openPage, screenshot, themed, type Media, type OpenedPage } from './support/browser';
import { statusCount, toggleDirectories } from './support/console';
import { startConsoleSuite, type Suite } from './support/suite';

let suite: Suite<PracticeConsole>;

beforeAll(async () => {
  suite = await startConsoleSuite('review-run');
}, 120_000);

afterAll(async () => {
  await suite?.close();
});

async function openConsole(media: Media = appearances.light): Promise<OpenedPage> {
  const opened = await openPage(suite.browser, suite.practice.url, {
    media,
    height: 900,
    acceptDownloads: true,
    problems: { failedRequests: 'except-blob' },
  });
  await expect.poll(() => opened.page.getByText(/accounts? listed\.$/).count(), { timeout: 30_000 }).toBe(1);
  return opened;
}

/** On Accounts: pick every account of the simulated Windows hosts with the directory filter, then open Review & run. */
async function reviewWindowsAccounts(page: Page): Promise<void> {
  await toggleDirectories(page, ['Practice Windows hosts']);
  await page.getByRole('button', { name: 'Select all matching' }).click();
  await page.getByRole('button', { name: 'Review plan' }).click();
  await page.getByRole('heading', { name: /^Accounts in the plan/ }).waitFor();
}

const runButton = (page: Page) => page.getByRole('region', { name: 'Approve and run' }).getByRole('button', { name: /^(Run|Starting)/ });
const typedField = (page: Page, login: string) => page.getByRole('textbox', { name: new RegExp(`^Type ${login} to approve`) });

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
      await screenshot(page, 'review-run-plan');
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
      await screenshot(page, 'review-run-approved');
      expect(await seriousViolations(page)).toEqual([]);

      // Export plan (dry run): a JSON file with the plan as it stands.
      const download = await captureDownload(page, page.getByRole('button', { name: 'Export plan (dry run)' }));
      expect(download.name).toMatch(/\.json$/);
      const exported = JSON.parse(download.content) as { entries: Array<{ account: { login: string } }>; excluded: unknown[] };
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
      await screenshot(page, 'review-run-finished');
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
      await screenshot(page, 'review-run-drawer');
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
      await screenshot(page, 'review-run-cancel');
      expect(await seriousViolations(page)).toEqual([]);
      await confirm.getByRole('button', { name: 'Cancel the run' }).click();
      await page.getByRole('heading', { name: 'Cancelled', level: 2 }).waitFor({ timeout: 60_000 });
      await expect.poll(() => statusCount(page, 'Cancelled'), { timeout: 15_000 }).toBeGreaterThan(0);
      // Accounts reached before the cancel were applied and verified; the rest were left unchanged.
      expect(await statusCount(page, 'Verified')).toBeGreaterThan(0);
      const cancelled = await statusCount(page, 'Cancelled');
      await screenshot(page, 'review-run-cancelled');

      await page.getByRole('button', { name: 'Retry failed' }).click();
      await expect.poll(() => page.getByText(/^Retry of [\d,]+ accounts? that failed, were cancelled or did not verify\./).count(), { timeout: 30_000 }).toBe(1);
      await page.getByRole('heading', { name: /^Accounts in the plan/ }).waitFor();
      expect(await page.getByRole('region', { name: 'Plan summary' }).innerText()).toMatch(new RegExp(`${cancelled.toLocaleString('en-US')}\\s+Selected`));
      await screenshot(page, 'review-run-retry-plan');
      await page.getByRole('button', { name: 'Back to the selection' }).click();
      await expect.poll(() => page.getByText(/^Plan for [\d,]+ selected accounts\./).count(), { timeout: 30_000 }).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 90_000);

  it.each(themed('dark', 'high-contrast'))('is readable and passes axe in the $name theme, plan to evidence', async ({ name, media }) => {
    const { page, problems } = await openConsole(media);
    try {
      await reviewWindowsAccounts(page);
      await typedField(page, "d'artagnan").fill("d'artagnan");
      await page.getByRole('button', { name: /^Confirm all \d+ that need confirmation/ }).click();
      await page.getByRole('heading', { name: /^Accounts in the plan/ }).scrollIntoViewIfNeeded();
      await screenshot(page, `review-run-plan-${name}`);
      expect(await seriousViolations(page), `plan in ${name}`).toEqual([]);
      await runButton(page).click();
      await page.getByRole('heading', { name: 'Finished', level: 2 }).waitFor({ timeout: 60_000 });
      await page.getByRole('list', { name: 'Accounts in the run' }).getByRole('button').first().click();
      const drawer = page.getByRole('dialog', { name: /^Evidence for / });
      await drawer.waitFor();
      await screenshot(page, `review-run-drawer-${name}`);
      expect(await seriousViolations(page), `drawer in ${name}`).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => drawer.count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
      await screenshot(page, `review-run-finished-${name}`);
      expect(await seriousViolations(page), `run in ${name}`).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
