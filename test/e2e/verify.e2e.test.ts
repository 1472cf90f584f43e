// The helpdesk view in Chromium, against the practice console (real console
// backend, practice Entra/Okta stand-ins and simulated Windows hosts): look an
// account up, read the findings in words, open the evidence, look up a name
// that does not exist, and explain pasted `net user` output. Every state is
// audited with axe-core and photographed into test-results/screens/.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeConsole } from '../../main/practice/console';
import { repoRoot } from '../../main/tooling/build';
import { seriousViolations } from './support/axe';
import { appearances, openPage, screenshot, type AppearanceName, type OpenedPage } from './support/browser';
import { poll } from './support/console';
import { startConsoleSuite, type Suite } from './support/suite';

let suite: Suite<PracticeConsole>;

beforeAll(async () => {
  suite = await startConsoleSuite('verify', { practiceAccounts: 120 });
}, 120_000);

afterAll(async () => {
  await suite?.close();
});

async function openVerify(appearance: AppearanceName = 'light'): Promise<OpenedPage> {
  const opened = await openPage(suite.browser, suite.practice.url, {
    media: appearances[appearance],
    height: 900,
    permissions: ['clipboard-read', 'clipboard-write'],
    actionTimeout: 10_000,
    problems: { failedRequests: 'none' },
  });
  const { page } = opened;
  await poll(() => page.getByText(/^Version \d/).count()).toBe(1);
  await page.getByRole('tab', { name: 'Verify' }).click();
  await poll(() => page.getByRole('main').getByRole('heading', { level: 1 }).innerText()).toBe('Verify');
  return opened;
}

/** The live region that announces each lookup's outcome. */
function announcer(page: Page) {
  return page.locator('[role="status"][aria-live="polite"]').filter({ hasText: /Found|No account|Looking up|did not finish/ });
}

describe('Verify in Chromium', () => {
  it('explains what the view is for before the first lookup', async () => {
    const { page, problems } = await openVerify();
    try {
      await poll(() => page.getByRole('heading', { name: 'Check whether a reset took' }).count()).toBe(1);
      await poll(() => page.getByRole('combobox', { name: 'Directories' }).isDisabled()).toBe(false);
      await screenshot(page, 'verify-empty');
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('looks an Entra account up, says what holds in words, and opens the raw evidence', async () => {
    const { page, problems } = await openVerify();
    try {
      const name = page.getByRole('textbox', { name: 'Account name' });
      await name.fill('lynner');
      await name.press('Enter');
      // Focus moves to the results heading, and the outcome is announced.
      await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Results for “lynner”');
      await poll(() => announcer(page).innerText()).toMatch(/^Found 1 account matching "lynner"\./);

      const card = page.getByRole('article', { name: 'Lynne Robbins' });
      await poll(() => card.count()).toBe(1);
      const findings = card.getByRole('list', { name: /What holds for lynner@/ });
      await poll(() => findings.innerText()).toMatch(/Must change password at next sign-in: No — checked \d{2}:\d{2} via /);
      expect(await findings.innerText()).toMatch(/Sessions: /);
      // The tone is spoken, not only coloured.
      expect(await findings.getByRole('img').first().getAttribute('aria-label')).toMatch(/As expected|Needs attention|Information|Could not tell/);
      expect(await page.getByRole('list', { name: 'Searched' }).innerText()).toMatch(/1 match/);
      await screenshot(page, 'verify-found');
      expect(await seriousViolations(page)).toEqual([]);

      const show = card.getByRole('button', { name: /Show evidence/ });
      expect(await show.getAttribute('aria-expanded')).toBe('false');
      await show.click();
      const evidence = card.getByRole('list', { name: /pieces? of evidence/ });
      await poll(() => evidence.count()).toBe(1);
      expect(await card.getByRole('button', { name: /Hide evidence/ }).getAttribute('aria-expanded')).toBe('true');
      const evidenceText = await evidence.innerText();
      expect(evidenceText).toMatch(/HTTP call/);
      expect(evidenceText).toMatch(/GET/);
      expect(evidenceText).toMatch(/Status 200/);
      expect(evidenceText).toMatch(/Request id/);
      await screenshot(page, 'verify-evidence', { fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // Check again re-reads the account and keeps the card.
      await card.getByRole('button', { name: /Check again lynner@/ }).click();
      await poll(() => card.getByText('Read again just now: the findings above are from this read.').count()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('looks up a Windows account on one host and shows the PowerShell evidence', async () => {
    const { page, problems } = await openVerify('dark');
    try {
      await page.getByRole('textbox', { name: 'Account name' }).fill('svc-druck');
      await page.getByRole('textbox', { name: 'Windows host' }).fill('BERLIN-APP02');
      await page.getByRole('button', { name: 'Look up' }).click();
      const card = page.getByRole('article', { name: 'Druckdienst' });
      await poll(() => card.count()).toBeGreaterThan(0);
      const first = card.first();
      expect(await first.getByRole('list', { name: /What holds for svc-druck/ }).innerText()).toMatch(/Password never expires: Yes/);
      await first.getByRole('button', { name: /Show evidence/ }).click();
      const output = first.getByRole('region', { name: /Output of read-state\.ps1 on / });
      await poll(() => output.count()).toBeGreaterThan(0);
      expect(await output.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/ADSI PasswordExpired=/)]));
      // Copy puts the output on the clipboard and says so.
      await first.getByRole('button', { name: /Copy output of read-state\.ps1/ }).last().click();
      await poll(() => first.getByText('Copied to the clipboard.').count()).toBe(1);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/ADSI PasswordExpired=/);
      await screenshot(first, 'verify-windows-dark');
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('says plainly when no account has the name', async () => {
    const { page, problems } = await openVerify('high-contrast');
    try {
      const name = page.getByRole('textbox', { name: 'Account name' });
      await name.fill('no.such.person.anywhere');
      await name.press('Enter');
      await poll(() => announcer(page).innerText()).toMatch(/^No account matching "no\.such\.person\.anywhere" was found in \d+ directories\./);
      expect(await page.getByText(/Check the spelling, try the login or UPN/).count()).toBe(1);
      expect(await page.getByRole('article').count()).toBe(0);
      await screenshot(page, 'verify-not-found-high-contrast');
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('searches only the chosen directory', async () => {
    const { page, problems } = await openVerify();
    try {
      const directories = page.getByRole('combobox', { name: 'Directories' });
      await poll(() => directories.isDisabled()).toBe(false);
      await directories.click();
      // A multiselect dropdown is a menu of checkable items.
      await page.getByRole('menuitemcheckbox', { name: 'Fabrikam (practice Okta)' }).click();
      await page.keyboard.press('Escape');
      expect(await directories.innerText()).toBe('Fabrikam (practice Okta)');
      await page.getByRole('textbox', { name: 'Account name' }).fill('lynner');
      await page.getByRole('button', { name: 'Look up' }).click();
      // lynner lives in Entra: searching Okta alone finds nothing, and says where it looked.
      await poll(() => announcer(page).innerText()).toBe('No account matching "lynner" was found in 1 directory.');
      expect(await page.getByRole('list', { name: 'Searched' }).innerText()).toBe('Fabrikam (practice Okta): no match.');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('asks for a name instead of sending an empty lookup', async () => {
    const { page, problems } = await openVerify();
    try {
      await page.getByRole('button', { name: 'Look up' }).click();
      await poll(() => page.getByText('Type a login, UPN, SAM name or display name to look up.').count()).toBe(1);
      expect(await page.getByRole('heading', { name: /Results for/ }).count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('explains pasted net user output from a machine Rekey cannot reach', async () => {
    const { page, problems } = await openVerify();
    try {
      const text = await readFile(path.join(repoRoot, 'test/fixtures/net-user/de-DE.txt'), 'utf8');
      const box = page.getByRole('textbox', { name: 'Output of net user' });
      await box.fill(text);
      await box.press('Control+Enter');
      const status = page.getByRole('status').filter({ hasText: /^Explained net user output/ });
      await poll(() => status.innerText()).toMatch(/^Explained net user output for jürgen in German: \d+ findings, 0 unrecognised lines\.$/);
      const findings = page.getByRole('list', { name: 'What the net user output shows' });
      expect(await findings.getByRole('listitem').count()).toBeGreaterThan(1);
      expect(await page.getByRole('heading', { name: 'What this output cannot prove' }).count()).toBe(1);
      await screenshot(page.getByRole('region', { name: 'Explain net user output' }), 'verify-net-user');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Clear' }).click();
      expect(await box.inputValue()).toBe('');
      expect(await findings.count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
