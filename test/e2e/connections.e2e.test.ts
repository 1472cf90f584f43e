// The Connections screen in Debian Chromium against the real practice console
// (main/practice/console.ts): the practice connection and its facts, Check
// with concrete findings, sign out / sign in, remove with confirmation and add
// again, a host list with a bad line reported by number, form validation, the
// Okta API-token warning, the device-code prompt, and axe in light, dark and
// forced-colors. Screenshots go to test-results/screens/connections-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeConsole } from '../../main/practice/console';
import { seriousViolations } from './support/axe';
import { appearances, openPage, screenshot, themed, type Media, type OpenedPage } from './support/browser';
import { startConsoleSuite, type Suite } from './support/suite';

let suite: Suite<PracticeConsole>;

beforeAll(async () => {
  suite = await startConsoleSuite('connections');
}, 120_000);

afterAll(async () => {
  await suite?.close();
});

async function openConnections(media: Media = appearances.light): Promise<OpenedPage> {
  const opened = await openPage(suite.browser, suite.practice.url, { media });
  const { page } = opened;
  await expect.poll(() => page.getByText(/^Version \d/).count()).toBe(1);
  await page.getByRole('tab', { name: 'Connections' }).click();
  await expect.poll(() => practiceCard(page).count(), { timeout: 20_000 }).toBe(1);
  return opened;
}

const practiceCard = (page: Page) => page.getByRole('article', { name: 'Practice tenant' });

describe('Connections screen', () => {
  it('lists the practice connection with its status, facts and actions', async () => {
    const { page, problems } = await openConnections();
    try {
      const card = practiceCard(page);
      await expect.poll(() => card.getByText('Connected', { exact: true }).count()).toBe(1);
      expect(await card.getByText('Contoso (practice Entra)', { exact: true }).count()).toBe(1);
      for (const action of ['Sign out', 'Check', 'Remove']) expect(await card.getByRole('button', { name: action }).count()).toBe(1);
      // Not on Windows: "This computer" is not offered, and the screen says why.
      expect(await page.getByRole('tab', { name: 'This computer' }).count()).toBe(0);
      expect(await page.getByText(/local accounts can be added when Rekey runs on Windows/).count()).toBe(1);
      await screenshot(page, 'connections-list');
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows concrete findings with their fix when Check runs', async () => {
    const { page, problems } = await openConnections();
    try {
      const card = practiceCard(page);
      await card.getByRole('button', { name: 'Check' }).click();
      const findings = card.getByRole('list', { name: 'Findings for Practice tenant' });
      await expect.poll(() => findings.count(), { timeout: 30_000 }).toBe(1);
      const items = await findings.getByRole('listitem').allInnerTexts();
      expect(items.length).toBeGreaterThan(3);
      expect(items.some((item) => /^OK: Contoso \(practice Entra\): Graph permission/.test(item))).toBe(true);
      // The practice Windows hosts include unreachable ones: each problem comes with its fix.
      const problemsFound = items.filter((item) => item.startsWith('Problem:'));
      expect(problemsFound.length).toBeGreaterThan(0);
      for (const item of problemsFound) expect(item).toMatch(/\nFix: .+/);
      await findings.getByRole('listitem').filter({ hasText: 'Problem:' }).first().scrollIntoViewIfNeeded();
      await screenshot(page, 'connections-check');
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('reports each bad line of a host list by number and adds nothing until it is fixed', async () => {
    const { page, problems } = await openConnections();
    try {
      await page.getByRole('tab', { name: 'Remote Windows computers' }).click();
      await page.getByRole('textbox', { name: /^Computers/ }).fill('WS-01\nbad name!\nWS-01\n');
      await page.getByRole('button', { name: 'Add computers' }).click();
      const lines = page.getByRole('list', { name: 'Lines to fix' });
      await expect.poll(() => lines.count()).toBe(1);
      const texts = await lines.getByRole('listitem').allInnerTexts();
      expect(texts).toEqual([expect.stringMatching(/^Line 2: "bad name!" /), expect.stringMatching(/^Line 3: WS-01 is listed again/)]);
      expect(await page.getByRole('article').count()).toBe(1);
      // A password without a user is refused in the form, with the reason.
      await page.getByRole('textbox', { name: /^Computers/ }).fill('ws-02.contoso.local');
      await page.getByLabel('Password (optional)').fill('not-kept');
      await page.getByRole('button', { name: 'Add computers' }).click();
      await expect.poll(() => page.getByText(/Enter the user as DOMAIN\\user/).count()).toBe(1);
      await lines.or(page.getByText(/Enter the user as/)).first().scrollIntoViewIfNeeded();
      await screenshot(page, 'connections-host-problems');
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('checks the Entra and Okta forms before sending, and warns about Okta API tokens', async () => {
    const { page, problems } = await openConnections();
    try {
      await page.getByRole('tab', { name: 'Entra ID tenant' }).click();
      await page.getByRole('textbox', { name: /^Tenant/ }).fill('x');
      await page.getByRole('textbox', { name: /^Application \(client\) ID/ }).fill('not-a-guid');
      await page.getByRole('button', { name: 'Add tenant and sign in' }).click();
      await expect.poll(() => page.getByText(/Enter the Application \(client\) ID of the app registration/).count()).toBe(1);
      expect(await page.getByText(/Enter the tenant ID \(a GUID\) or its primary domain/).count()).toBe(1);
      await page.getByRole('radio', { name: /^Certificate/ }).check();
      expect(await page.getByRole('textbox', { name: /^Private key \(PEM\)/ }).count()).toBe(1);

      await page.getByRole('tab', { name: 'Okta org' }).click();
      await page.getByRole('radio', { name: 'API token' }).check();
      await expect.poll(() => page.getByText(/An API token carries its creator's full admin rights/).count()).toBe(1);
      // The token field hides what is typed.
      expect(await page.getByRole('form', { name: 'Add an Okta org' }).locator('input[type="password"]').count()).toBe(1);
      await page.getByRole('button', { name: 'Add org' }).click();
      await expect.poll(() => page.getByText(/Enter the org address, such as https:\/\/your-org\.okta\.com/).count()).toBe(1);
      await page.getByText(/An API token carries/).scrollIntoViewIfNeeded();
      await screenshot(page, 'connections-okta-token');
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows a device-code sign-in prompt with the code and the address', async () => {
    const { page, problems } = await openConnections();
    try {
      suite.practice.host.emit('connections.prompt', {
        id: 'practice',
        message: 'To sign in, open https://microsoft.com/devicelogin and enter the code ABCD-EFGH.',
        userCode: 'ABCD-EFGH',
        verificationUri: 'https://microsoft.com/devicelogin',
      });
      const dialog = page.getByRole('dialog', { name: 'Sign in to Practice tenant' });
      await expect.poll(() => dialog.count()).toBe(1);
      expect(await dialog.getByText('ABCD-EFGH', { exact: true }).count()).toBe(1);
      expect(await dialog.getByRole('link', { name: 'https://microsoft.com/devicelogin' }).getAttribute('href')).toBe('https://microsoft.com/devicelogin');
      await screenshot(page, 'connections-device-code');
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Hide' }).click();
      await expect.poll(() => dialog.count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('signs out and in, and removes the practice connection only after confirming, then adds it again', async () => {
    const { page, problems } = await openConnections();
    try {
      // Select a few accounts first: removing their connection must take them out of the selection, and say so.
      await page.getByRole('tab', { name: 'Accounts' }).click();
      await expect.poll(() => page.getByText(/accounts? listed\.$/).count(), { timeout: 20_000 }).toBe(1);
      const grid = page.getByRole('grid', { name: 'Accounts' });
      await grid.locator('[role="row"][aria-rowindex="2"]').click();
      await grid.locator('[role="row"][aria-rowindex="4"]').click({ modifiers: ['Shift'] });
      await page.getByRole('tab', { name: 'Connections' }).click();
      const card = practiceCard(page);
      await card.getByRole('button', { name: 'Sign out' }).click();
      await expect.poll(() => card.getByText('Signed out', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
      await card.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => card.getByText('Connected', { exact: true }).count(), { timeout: 30_000 }).toBe(1);

      await card.getByRole('button', { name: 'Remove' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Remove Practice tenant?' });
      await expect.poll(() => confirm.count()).toBe(1);
      expect(await confirm.innerText()).toMatch(/practice directories stop/);
      expect(await seriousViolations(page)).toEqual([]);
      await confirm.getByRole('button', { name: 'Keep it' }).click();
      await expect.poll(() => confirm.count()).toBe(0);
      // The page stops being hidden from assistive technology once the dialog has gone.
      await expect.poll(() => card.count()).toBe(1);

      await card.getByRole('button', { name: 'Remove' }).click();
      await confirm.getByRole('button', { name: 'Remove' }).click();
      await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(0);
      await expect.poll(() => page.getByRole('heading', { name: 'No directories connected' }).count()).toBe(1);
      await screenshot(page, 'connections-empty');
      expect(await seriousViolations(page)).toEqual([]);

      // Accounts now says there is nothing to list, and leads back here.
      await page.getByRole('tab', { name: 'Accounts' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'No directory connected' }).count(), { timeout: 20_000 }).toBe(1);
      expect(await page.getByText(/^3 selected accounts are no longer listed/).count()).toBe(1);
      await screenshot(page, 'accounts-no-directory');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Go to Connections' }).click();

      await page.getByRole('tab', { name: 'Practice' }).click();
      await page.getByRole('button', { name: 'Add practice directories' }).click();
      await expect.poll(() => card.getByText('Connected', { exact: true }).count(), { timeout: 30_000 }).toBe(1);
      expect(await page.getByText(/Added Practice tenant\. Its accounts are on the Accounts screen\./).count()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each(themed('dark', 'high-contrast'))('has no serious accessibility violations in the $name theme', async ({ name, media }) => {
    const { page, problems } = await openConnections(media);
    try {
      await screenshot(page, `connections-list-${name}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
