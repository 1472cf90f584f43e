// Settings in Chromium, against the practice console (real console backend):
// an exclusion set with a never-touch rule is created, checked inline, saved
// and still there after a reload; sets are exported as a JSON download and
// imported from files (a bad rule is reported, nothing half-imported); an
// approval rule is added, moved by button and by Alt+Arrow, previewed against
// the listed accounts and saved. Every state is audited with axe-core.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeConsole, type PracticeConsole } from '../../main/practice/console';
import { build, repoRoot } from '../../main/tooling/build';

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'];
const screensDir = path.join(repoRoot, 'test-results', 'screens');
/** Waits for the console: the practice backend answers in well under a second, but 2 shared cores can be slow. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

let workDir: string;
let practice: PracticeConsole;
let browser: Browser;
let axeSource: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'rekey-settings-e2e-'));
  await build({ only: ['renderer'], outDir: workDir, log: () => {} });
  practice = await startPracticeConsole({ rendererDir: path.join(workDir, 'renderer'), practiceAccounts: 120 });
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
  return problems;
}

/** axe-core through the DevTools protocol (a <script> tag would be refused by the console's CSP). */
async function seriousViolations(page: Page): Promise<string[]> {
  const installed = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!installed) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: Violation[] }> } }).axe;
    // Tabster's focus sentinels are a known false positive of aria-hidden-focus (microsoft/fluentui#27517).
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, targets: nodes.map((node) => node.target) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.targets)}`);
}

const appearances = {
  light: { colorScheme: 'light', forcedColors: 'none' },
  dark: { colorScheme: 'dark', forcedColors: 'none' },
  'high-contrast': { colorScheme: 'dark', forcedColors: 'active' },
} as const;

async function openSettings(appearance: keyof typeof appearances = 'light'): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // Fail at the step that is stuck, not at the test's own time limit.
  page.setDefaultTimeout(10_000);
  const problems = await watchForProblems(page);
  await page.emulateMedia({ ...appearances[appearance], reducedMotion: 'reduce' });
  await page.goto(practice.url);
  await poll(() => page.getByText(/^Version \d/).count()).toBe(1);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await poll(() => page.getByRole('tablist', { name: 'Exclusion sets' }).count()).toBe(1);
  return { page, problems };
}

const exclusions = (page: Page) => page.getByRole('region', { name: 'Exclusion sets' });
const approvals = (page: Page) => page.getByRole('region', { name: 'Approval policy' });
const setPanel = (page: Page) => exclusions(page).getByRole('tabpanel');
const ruleRows = (page: Page) => approvals(page).getByRole('list', { name: /Approval rules/ }).getByRole('listitem');

async function shootRegion(page: Page, region: ReturnType<typeof exclusions>, name: string) {
  await region.screenshot({ path: path.join(screensDir, `${name}.png`), animations: 'disabled' });
}

describe('Settings in Chromium', () => {
  it.each(['light', 'dark', 'high-contrast'] as const)('shows the policy editors in the %s theme with no serious accessibility violations', async (appearance) => {
    const { page, problems } = await openSettings(appearance);
    try {
      expect(await exclusions(page).getByRole('tab').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^Break-glass/)]));
      expect(await ruleRows(page).count()).toBe(3); // two default rules and the fixed fallback row
      await page.screenshot({ path: path.join(screensDir, `settings-editors-${appearance}.png`), animations: 'disabled' });
      await shootRegion(page, approvals(page), `settings-approval-${appearance}`);
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
      await shootRegion(page, exclusions(page), 'settings-exclusion-invalid');
      expect(await seriousViolations(page)).toEqual([]);

      await setPanel(page).getByRole('button', { name: 'Remove rule Name pattern (name-pattern-1)' }).click();
      await exclusions(page).getByRole('button', { name: 'Save exclusion sets' }).click();
      await poll(() => exclusions(page).getByRole('status').first().innerText()).toBe('Exclusion sets saved.');
      await shootRegion(page, exclusions(page), 'settings-exclusion-saved');
      expect(await seriousViolations(page)).toEqual([]);

      // Main saved it (settings.get answers it), and a fresh page shows it.
      expect((await practice.services.settings.get()).exclusionSets.find((set) => set.name === 'Helpdesk VIPs')?.rules).toEqual([
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
      const download = page.waitForEvent('download');
      await exclusions(page).getByRole('button', { name: 'Export' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('rekey-exclusion-sets.json');
      const saved = path.join(workDir, 'exported.json');
      await file.saveAs(saved);
      const exported = JSON.parse(await readFile(saved, 'utf8')) as { format: string; sets: Array<{ name: string }> };
      expect(exported.format).toBe('rekey-exclusion-sets');
      expect(exported.sets.map((set) => set.name)).toEqual((await practice.services.settings.get()).exclusionSets.map((set) => set.name));
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('imports a good file, and reports a file with one bad rule without importing any of it', async () => {
    const { page, problems } = await openSettings();
    try {
      const file = (sets: unknown[]) => JSON.stringify({ format: 'rekey-exclusion-sets', version: 1, exportedAt: '2026-01-15T09:00:00Z', sets });
      const bad = path.join(workDir, 'bad-sets.json');
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
      await shootRegion(page, exclusions(page), 'settings-import-problem');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await exclusions(page).getByRole('tab', { name: /Contractors/ }).count()).toBe(0);

      const good = path.join(workDir, 'good-sets.json');
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
      await page.screenshot({ path: path.join(screensDir, 'settings-approval-dialog.png'), animations: 'disabled' });
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
      await shootRegion(page, approvals(page), 'settings-approval-preview');
      expect(await seriousViolations(page)).toEqual([]);

      await approvals(page).getByRole('button', { name: 'Save approval policy' }).click();
      await poll(() => approvals(page).getByRole('status').first().innerText()).toBe('Approval policy saved.');
      expect((await practice.services.settings.get()).approvalRules.map((rule) => rule.id)).toEqual(['support-auto', 'privileged-typed-confirm', 'builtin-administrator-typed-confirm']);

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
