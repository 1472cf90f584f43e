// THE ACCEPTANCE FLOW, end to end in Debian Chromium through the practice
// console: connect the practice directories (Connections) -> select 200
// accounts across Entra, Okta and Windows (Accounts: directory filter, select
// all matching, Ctrl+click and Shift+arrow ranges) -> see the exclusions with
// their reasons -> review the plan -> type the name of a privileged account to
// approve it -> run -> everything approved is verified -> Activity shows the
// run and exports an HTML report. A screenshot of every step goes to
// test-results/screens/flow-<n>-<step>.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeConsole } from '../../main/practice/console';
import { captureDownload, openPage, screenshot } from './support/browser';
import { accountCounts, statusCount, toggleDirectories } from './support/console';
import { startConsoleSuite, type Suite } from './support/suite';

let suite: Suite<PracticeConsole>;

beforeAll(async () => {
  suite = await startConsoleSuite('flow');
}, 120_000);

afterAll(async () => {
  await suite?.close();
});

let step = 0;
async function shot(page: Page, name: string): Promise<void> {
  step++;
  await screenshot(page, `flow-${step}-${name}`);
}

/** Add the first `count` rows the grid shows to the selection: Ctrl+click the first, Shift+ArrowDown to the last. */
async function addFirstRows(page: Page, count: number): Promise<void> {
  const grid = page.getByRole('grid', { name: 'Accounts' });
  await grid.locator('[role="row"][aria-rowindex="2"]').click({ modifiers: ['Control'] });
  for (let i = 1; i < count; i++) await page.keyboard.press('Shift+ArrowDown');
}

describe('the acceptance flow', () => {
  it('connects, selects 200 accounts across three directories, reviews, approves by typing a privileged name, runs, verifies and reports', async () => {
    const { page, problems } = await openPage(suite.browser, suite.practice.url, {
      height: 900,
      acceptDownloads: true,
      problems: { failedRequests: 'except-blob' },
    });
    try {
      await expect.poll(() => page.getByText(/^Version \d/).count()).toBe(1);

      // 1. Connections: connect the practice directories afresh (remove the one the practice console starts with, add it again).
      await page.getByRole('tab', { name: 'Connections' }).click();
      await page.getByRole('heading', { name: 'Practice tenant' }).waitFor();
      await page.getByRole('button', { name: 'Remove' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Practice tenant' }).count()).toBe(0);
      await page.getByRole('tab', { name: 'Practice' }).click();
      await page.getByRole('button', { name: 'Add practice directories' }).click();
      await page.getByRole('heading', { name: 'Practice tenant' }).waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByText('Connected', { exact: true }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await page.getByRole('heading', { name: 'Practice tenant' }).scrollIntoViewIfNeeded();
      await shot(page, 'connections');

      // 2. Accounts: 15 Windows accounts (select all matching), 100 Entra and 85 Okta (keyboard ranges) = 200.
      await page.getByRole('tab', { name: 'Accounts' }).click();
      await expect.poll(() => page.getByText(/accounts? listed\.$/).count(), { timeout: 30_000 }).toBe(1);
      await toggleDirectories(page, ['Practice Windows hosts']);
      await expect.poll(async () => (await accountCounts(page)).shown).toBe(15);
      await page.getByRole('button', { name: 'Select all matching' }).click();
      await toggleDirectories(page, ['Practice Windows hosts', 'Contoso (practice Entra)']);
      await addFirstRows(page, 100);
      await expect.poll(async () => (await accountCounts(page)).selected).toBe(115);
      await toggleDirectories(page, ['Contoso (practice Entra)', 'Fabrikam (practice Okta)']);
      await addFirstRows(page, 85);
      await expect.poll(async () => (await accountCounts(page)).selected).toBe(200);
      await toggleDirectories(page, ['Fabrikam (practice Okta)']);
      await shot(page, 'accounts-selected');

      // 3. Exclusions, with a reason per account, before anything is planned.
      await page.getByRole('button', { name: /^Exclusions/ }).click();
      const exclusions = page.getByRole('dialog', { name: /Exclusions/ });
      await exclusions.waitFor();
      await expect.poll(() => exclusions.innerText(), { timeout: 15_000 }).toMatch(/Kept out of the plan/);
      await shot(page, 'exclusions');
      await page.keyboard.press('Escape');
      await expect.poll(() => exclusions.count()).toBe(0);

      // 4. Review the plan: 200 selected, warnings by kind, exclusions with reasons.
      await page.getByRole('button', { name: 'Review plan' }).click();
      await page.getByRole('heading', { name: /^Accounts in the plan/ }).waitFor({ timeout: 30_000 });
      const summary = await page.getByRole('region', { name: 'Plan summary' }).innerText();
      expect(summary).toMatch(/200\s+Selected/);
      expect(summary).toMatch(/Contoso \(practice Entra\): \d+ planned/);
      expect(summary).toMatch(/Fabrikam \(practice Okta\): \d+ planned/);
      expect(summary).toMatch(/Practice Windows hosts: \d+ planned/);
      expect(await page.getByRole('region', { name: /^Warnings/ }).getByRole('heading', { level: 3 }).count()).toBeGreaterThan(0);
      const excluded = page.getByRole('region', { name: /^Excluded/ });
      await excluded.getByRole('button', { name: /^Show the \d+ excluded accounts? with reasons/ }).click();
      expect(await excluded.getByRole('list', { name: 'Excluded accounts' }).innerText()).toMatch(/Excluded by "Built-in protections"/);
      await page.getByRole('heading', { name: 'Review & run', level: 1 }).scrollIntoViewIfNeeded();
      await shot(page, 'plan');
      await page.getByRole('region', { name: /^Warnings/ }).scrollIntoViewIfNeeded();
      await shot(page, 'plan-warnings');

      // 5. Approve: type a privileged account's name (keyboard), the other privileged ones too, confirm the rest.
      await page.getByRole('button', { name: 'Needs approval' }).click();
      const typedFields = page.getByRole('textbox', { name: /^Type .+ to approve / });
      const typedCount = await typedFields.count();
      expect(typedCount).toBeGreaterThan(0);
      const first = typedFields.first();
      const login = (await first.getAttribute('placeholder'))!.replace(/^Type /, '');
      const bar = page.getByRole('region', { name: 'Approve and run' });
      const run = bar.getByRole('button', { name: /^(Run|Starting)/ });
      expect(await run.getAttribute('aria-disabled')).toBe('true');
      await first.focus();
      await page.keyboard.type(login);
      await expect.poll(() => page.getByText('Matches', { exact: true }).count()).toBe(1);
      await first.scrollIntoViewIfNeeded();
      await shot(page, 'typed-confirmation');
      for (let i = 1; i < typedCount; i++) {
        const field = typedFields.nth(i);
        await field.fill((await field.getAttribute('placeholder'))!.replace(/^Type /, ''));
      }
      await bar.getByRole('button', { name: /^Confirm all \d+ that need confirmation/ }).click();
      await expect.poll(() => run.getAttribute('aria-disabled')).not.toBe('true');
      const approved = Number(/Run (\d+) accounts?/.exec(await run.innerText())?.[1]);
      expect(approved).toBeGreaterThan(150);
      expect(await bar.innerText()).toMatch(new RegExp(`${approved} of ${approved} accounts approved to run`));

      // 6. Run: live progress, then every approved account verified.
      await run.click();
      await page.getByRole('progressbar', { name: 'Accounts done' }).waitFor();
      await expect.poll(() => page.getByRole('list', { name: 'Accounts by status' }).innerText(), { timeout: 30_000 }).toMatch(/Running|Done|Verified/);
      await shot(page, 'running');
      await page.getByRole('heading', { name: 'Finished', level: 2 }).waitFor({ timeout: 120_000 });
      await expect.poll(() => statusCount(page, 'Verified'), { timeout: 30_000 }).toBe(approved);
      for (const label of ['Failed', 'Not verified', 'Could not verify', 'Cancelled', 'Not approved']) expect(await statusCount(page, label), label).toBe(0);
      await shot(page, 'verified');
      await page.getByRole('list', { name: 'Accounts in the run' }).getByRole('button').filter({ hasText: '@' }).first().click();
      const drawer = page.getByRole('dialog', { name: /^Evidence for / });
      await drawer.waitFor();
      expect(await drawer.innerText()).toMatch(/Status 20\d/);
      await shot(page, 'evidence');
      await page.keyboard.press('Escape');
      await expect.poll(() => drawer.count()).toBe(0);

      // 7. Activity: the run with its outcomes, an intact journal, and the HTML report as a download.
      await page.getByRole('button', { name: 'See it in Activity' }).click();
      await page.getByRole('img', { name: new RegExp(`^Outcomes of 1 run, oldest first: ${approved} verified`) }).waitFor({ timeout: 15_000 });
      const card = page.getByRole('listitem', { name: /^Run of / });
      await expect.poll(() => card.innerText(), { timeout: 15_000 }).toMatch(/Chain verified: [\d,]+ records/);
      expect(await card.innerText()).toMatch(new RegExp(`${approved} verified`));
      await shot(page, 'activity');
      const { name: reportName, content: report } = await captureDownload(page, card.getByRole('button', { name: /^Export HTML report of / }));
      expect(reportName).toMatch(/^rekey-run-.+\.html$/);
      expect(report).toMatch(/^<!doctype html>/i);
      expect(report).not.toMatch(/<script/i);

      // The report as the operator will see it (a separate page; it needs nothing from the console):
      // the account approved by typing its name is there, verified.
      const reportPage = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await reportPage.setContent(report);
      const reportText = await reportPage.locator('body').innerText();
      expect(reportText).toContain(login);
      expect(reportText).toMatch(new RegExp(`Verified\\s+${approved}`));
      step++;
      await screenshot(reportPage, `flow-${step}-report`, { animations: 'allow' });
      await reportPage.close();

      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);
});
