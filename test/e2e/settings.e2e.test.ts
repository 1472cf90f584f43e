// Settings in Chromium, against the practice console (real console backend):
// an exclusion set with a never-touch rule is created, checked inline, saved
// and still there after a reload; sets are exported as a JSON download and
// imported from files (a bad rule is reported, nothing half-imported); an
// approval rule is added, moved by button and by Alt+Arrow, previewed against
// the listed accounts and saved. Every state is audited with axe-core.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeConsole } from '../../main/practice/console';
import { seriousViolations } from './support/axe';
import { appearances, captureDownload, openPage, screenshot, type AppearanceName, type OpenedPage } from './support/browser';
import { poll } from './support/console';
import { startConsoleSuite, type Suite } from './support/suite';

let suite: Suite<PracticeConsole>;

beforeAll(async () => {
  suite = await startConsoleSuite('settings', { practiceAccounts: 120 });
}, 120_000);

afterAll(async () => {
  await suite?.close();
});

async function openSettings(appearance: AppearanceName = 'light'): Promise<OpenedPage> {
  const opened = await openPage(suite.browser, suite.practice.url, {
    media: appearances[appearance],
    height: 900,
    acceptDownloads: true,
    actionTimeout: 10_000,
    problems: { failedRequests: 'none' },
  });
  const { page } = opened;
  await poll(() => page.getByText(/^Version \d/).count()).toBe(1);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await poll(() => page.getByRole('tablist', { name: 'Exclusion sets' }).count()).toBe(1);
  return opened;
}

const exclusions = (page: Page) => page.getByRole('region', { name: 'Exclusion sets' });
const approvals = (page: Page) => page.getByRole('region', { name: 'Approval policy' });
const setPanel = (page: Page) => exclusions(page).getByRole('tabpanel');
const ruleRows = (page: Page) => approvals(page).getByRole('list', { name: /Approval rules/ }).getByRole('listitem');

describe('Settings in Chromium', () => {
  it.each(['light', 'dark', 'high-contrast'] as const)('shows the policy editors in the %s theme with no serious accessibility violations', async (appearance) => {
    const { page, problems } = await openSettings(appearance);
    try {
      expect(await exclusions(page).getByRole('tab').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^Break-glass/)]));
      expect(await ruleRows(page).count()).toBe(3); // two default rules and the fixed fallback row
      await screenshot(page, `settings-editors-${appearance}`);
      await screenshot(approvals(page), `settings-approval-${appearance}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('creates an exclusion set with a never-touch rule, checks it inline, saves it, and keeps it after a reload', { timeout: 60_000 }, async () => {
    const { page, problems } = await openSettings();
    try {
      await exclusions(page).getByRole('button', { name: 'Add set' }).click();
      const name = setPanel(page).getByRole('textbox', { name: 'Name' });
      await name.fill('Helpdesk VIPs');
      await setPanel(page).getByRole('textbox', { name: 'Description' }).fill('People the helpdesk must ask before resetting.');
      await setPanel(page).getByRole('button', { name: 'Add rule to Helpdesk VIPs' }).click();
      await page.getByRole('menuitem', { name: 'Never touch' }).click();
      // The new rule's first box takes the cursor.
      await poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^exclusion-rule-.*-first$/);
      await page.keyboard.type('lynner@contoso.onmicrosoft.com');
      await setPanel(page).getByRole('textbox', { name: 'Note' }).fill('Board member');

      // An empty pattern is refused at the field before anything is sent.
      await setPanel(page).getByRole('button', { name: 'Add rule to Helpdesk VIPs' }).click();
      await page.getByRole('menuitem', { name: 'Name pattern' }).click();
      await poll(() => setPanel(page).getByText('Pattern is required.').count()).toBe(1);
      expect(await exclusions(page).getByText('1 problem to fix before saving.').count()).toBe(1);
      expect(await exclusions(page).getByRole('tab', { name: /Helpdesk VIPs/ }).innerText()).toMatch(/1 problem/);
      await exclusions(page).getByRole('button', { name: 'Save exclusion sets' }).click();
      await poll(() => exclusions(page).getByRole('status').first().innerText()).toBe('Exclusion sets not saved: fix the 1 problem marked below first.');
      await screenshot(exclusions(page), 'settings-exclusion-invalid');
      expect(await seriousViolations(page)).toEqual([]);

      await setPanel(page).getByRole('button', { name: 'Remove rule Name pattern (name-pattern-1)' }).click();
      await exclusions(page).getByRole('button', { name: 'Save exclusion sets' }).click();
      await poll(() => exclusions(page).getByRole('status').first().innerText()).toBe('Exclusion sets saved.');
      await screenshot(exclusions(page), 'settings-exclusion-saved');
      expect(await seriousViolations(page)).toEqual([]);

      // Main saved it (settings.get answers it), and a fresh page shows it.
      expect((await suite.practice.services.settings.get()).exclusionSets.find((set) => set.name === 'Helpdesk VIPs')?.rules).toEqual([
        { id: 'never-touch-1', type: 'never-touch', accounts: ['lynner@contoso.onmicrosoft.com'], note: 'Board member' },
      ]);
      await page.reload();
      await page.getByRole('tab', { name: 'Settings' }).click();
      await exclusions(page).getByRole('tab', { name: /Helpdesk VIPs/ }).click();
      await poll(() => setPanel(page).getByRole('textbox', { name: 'Accounts, one per line' }).inputValue()).toBe('lynner@contoso.onmicrosoft.com');
      expect(await setPanel(page).getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Board member');

      // Deleting asks first.
      await setPanel(page).getByRole('button', { name: 'Delete set' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete “Helpdesk VIPs”?' });
      await poll(() => dialog.count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      // While the dialog closes the page behind it is still aria-hidden; wait until it is back.
      await poll(() => dialog.count()).toBe(0);
      await poll(() => exclusions(page).getByRole('tab', { name: /Helpdesk VIPs/ }).count()).toBe(1);
      await setPanel(page).getByRole('button', { name: 'Delete set' }).click();
      await dialog.getByRole('button', { name: 'Delete set' }).click();
      await poll(() => exclusions(page).getByRole('tab', { name: /Helpdesk VIPs/ }).count()).toBe(0);
      await exclusions(page).getByRole('button', { name: 'Discard changes' }).click();
      await poll(() => exclusions(page).getByRole('tab', { name: /Helpdesk VIPs/ }).count()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('exports the saved sets as a JSON download', async () => {
    const { page, problems } = await openSettings();
    try {
      const file = await captureDownload(page, exclusions(page).getByRole('button', { name: 'Export' }));
      expect(file.name).toBe('rekey-exclusion-sets.json');
      const exported = JSON.parse(file.content) as { format: string; sets: Array<{ name: string }> };
      expect(exported.format).toBe('rekey-exclusion-sets');
      expect(exported.sets.map((set) => set.name)).toEqual((await suite.practice.services.settings.get()).exclusionSets.map((set) => set.name));
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('imports a good file, and reports a file with one bad rule without importing any of it', async () => {
    const { page, problems } = await openSettings();
    try {
      const file = (sets: unknown[]) => JSON.stringify({ format: 'rekey-exclusion-sets', version: 1, exportedAt: '2026-01-15T09:00:00Z', sets });
      const bad = path.join(suite.workDir, 'bad-sets.json');
      await writeFile(
        bad,
        file([
          {
            name: 'Contractors',
            tags: [],
            rules: [
              { id: 'contractor-names', type: 'name-pattern', pattern: 'ext-*' },
              { id: 'broken', type: 'name-pattern', pattern: '' },
            ],
          },
        ]),
      );
      const input = exclusions(page).locator('input[type="file"]');
      await input.setInputFiles(bad);
      await poll(() => exclusions(page).getByText('Nothing was imported from bad-sets.json.').count()).toBe(1);
      expect(await exclusions(page).getByRole('listitem').filter({ hasText: /sets\.0\.rules\.1\.pattern/ }).count()).toBe(1);
      await screenshot(exclusions(page), 'settings-import-problem');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await exclusions(page).getByRole('tab', { name: /Contractors/ }).count()).toBe(0);

      const good = path.join(suite.workDir, 'good-sets.json');
      await writeFile(good, file([{ name: 'Contractors', description: 'External staff', tags: ['external'], rules: [{ id: 'contractor-names', type: 'name-pattern', pattern: 'ext-*' }] }]));
      await input.setInputFiles(good);
      await poll(() => exclusions(page).getByText('Imported 1 set from good-sets.json: Contractors.').count()).toBe(1);
      await exclusions(page).getByRole('tab', { name: /Contractors/ }).click();
      expect(await setPanel(page).getByRole('textbox', { name: 'Pattern' }).inputValue()).toBe('ext-*');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('adds an approval rule, moves it by button and by Alt+Arrow, previews it, and saves the order', { timeout: 60_000 }, async () => {
    const { page, problems } = await openSettings();
    try {
      await approvals(page).getByRole('button', { name: 'Add rule' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add approval rule' });
      await poll(() => dialog.count()).toBe(1);
      // Apply refuses an empty id at the field.
      await dialog.getByRole('textbox', { name: 'Rule id' }).fill('');
      await dialog.getByRole('button', { name: 'Add rule' }).click();
      await poll(() => dialog.getByText('Rule id is required.').count()).toBe(1);
      await screenshot(page, 'settings-approval-dialog');
      expect(await seriousViolations(page)).toEqual([]);

      await dialog.getByRole('textbox', { name: 'Rule id' }).fill('support-auto');
      await dialog.getByRole('textbox', { name: 'Description' }).fill('Support staff in Entra reset without asking');
      await dialog.getByRole('checkbox', { name: 'Entra ID' }).check();
      await dialog.getByRole('textbox', { name: 'Name pattern' }).fill('lynne*');
      await dialog.getByRole('radio', { name: /^Automatic:/ }).check();
      await dialog.getByRole('button', { name: 'Add rule' }).click();
      await poll(() => dialog.count()).toBe(0);

      const rows = ruleRows(page);
      await poll(() => rows.count()).toBe(4);
      expect(await rows.nth(2).innerText()).toMatch(/Support staff in Entra reset without asking/);
      expect(await rows.nth(2).innerText()).toMatch(/Accounts in Entra ID, whose name matches "lynne\*" → Reset without asking/);
      expect(await rows.nth(3).innerText()).toMatch(/When no rule matches/);

      // Move up with the button; focus stays on the moved rule's button.
      await rows.nth(2).getByRole('button', { name: 'Move Support staff in Entra reset without asking up' }).click();
      await poll(() => rows.nth(1).innerText()).toMatch(/Support staff/);
      await poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move Support staff in Entra reset without asking up');
      // Alt+ArrowUp from the focused button moves it to the top; the up button is then disabled, so focus goes to "down".
      await page.keyboard.press('Alt+ArrowUp');
      await poll(() => rows.nth(0).innerText()).toMatch(/Support staff/);
      await poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move Support staff in Entra reset without asking down');
      expect(await approvals(page).getByRole('status').filter({ hasText: 'moved to position 1 of 3' }).count()).toBe(1);
      // Alt+ArrowDown then Alt+ArrowUp: back at the top.
      await page.keyboard.press('Alt+ArrowDown');
      await poll(() => rows.nth(1).innerText()).toMatch(/Support staff/);
      await page.keyboard.press('Alt+ArrowUp');
      await poll(() => rows.nth(0).innerText()).toMatch(/Support staff/);

      await rows.nth(0).getByRole('button', { name: 'Preview Support staff in Entra reset without asking' }).click();
      await poll(() => rows.nth(0).innerText()).toMatch(/Matches \d+ of [\d,]+ listed accounts\./);
      expect(await rows.nth(0).getByRole('list', { name: 'Accounts the rule matches' }).innerText()).toMatch(/lynner@contoso\.onmicrosoft\.com/);
      await screenshot(approvals(page), 'settings-approval-preview');
      expect(await seriousViolations(page)).toEqual([]);

      await approvals(page).getByRole('button', { name: 'Save approval policy' }).click();
      await poll(() => approvals(page).getByRole('status').first().innerText()).toBe('Approval policy saved.');
      expect((await suite.practice.services.settings.get()).approvalRules.map((rule) => rule.id)).toEqual(['support-auto', 'privileged-typed-confirm', 'builtin-administrator-typed-confirm']);

      await page.reload();
      await page.getByRole('tab', { name: 'Settings' }).click();
      await poll(() => ruleRows(page).nth(0).innerText()).toMatch(/Support staff/);

      // Editing keeps the rule's place; deleting it marks the draft changed.
      await ruleRows(page).nth(0).getByRole('button', { name: 'Edit Support staff in Entra reset without asking' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit rule support-auto' });
      await edit.getByRole('radio', { name: /^Confirm:/ }).check();
      await edit.getByRole('button', { name: 'Apply' }).click();
      await poll(() => ruleRows(page).nth(0).innerText()).toMatch(/The operator confirms before the reset\./);
      await ruleRows(page).nth(0).getByRole('button', { name: 'Delete Support staff in Entra reset without asking' }).click();
      await poll(() => ruleRows(page).count()).toBe(3);
      await approvals(page).getByRole('button', { name: 'Discard changes' }).click();
      await poll(() => ruleRows(page).count()).toBe(4);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
