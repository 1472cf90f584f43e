// Reading and driving controls of the console that tests of several screens
// share: the selection summary on Accounts, the directory filter, and the
// status counts of a run.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Waits for the console: the practice backend answers in well under a second, but 2 shared cores can be slow. */
export const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

/** The status line on Accounts: "12 of 560 accounts · 3 selected". */
export const selectionSummary = (page: Page) => page.getByRole('status').filter({ hasText: /selected/ }).first();

/** The selection summary on Accounts as numbers. */
export async function accountCounts(page: Page): Promise<{ shown: number; total: number; selected: number }> {
  const text = (await selectionSummary(page).innerText()).replace(/,/g, '');
  const match = /(\d+) of (\d+) accounts? · (\d+) selected/.exec(text);
  if (!match) throw new Error(`Unexpected selection summary: ${text}`);
  return { shown: Number(match[1]), total: Number(match[2]), selected: Number(match[3]) };
}

/** Tick or untick directories in the Accounts directory filter. */
export async function toggleDirectories(page: Page, names: string[]): Promise<void> {
  await page.getByRole('combobox', { name: 'Filter by directory' }).click();
  // A multi-select Fluent Dropdown renders its options as menuitemcheckbox (older versions: option).
  for (const name of names) await page.locator('[role="option"], [role="menuitemcheckbox"]').filter({ hasText: name }).click();
  await page.keyboard.press('Escape');
}

/** The number after a status chip in the run summary ("Verified 200"); 0 when the chip is not shown. */
export async function statusCount(page: Page, label: string): Promise<number> {
  const items = await page.getByRole('list', { name: 'Accounts by status' }).getByRole('listitem').allInnerTexts();
  const item = items.find((text) => text.replace(/\s+/g, ' ').trim().startsWith(`${label} `));
  return item ? Number(item.replace(/\D+/g, '')) : 0;
}
