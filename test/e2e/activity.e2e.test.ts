// Activity in Debian Chromium against the real practice console: runs made
// through the console services (the same ones the Review & run screen calls)
// appear with a chart of outcomes per run, a journal integrity badge per run
// (an intact chain, and one whose journal file was edited afterwards), a run
// whose journal cannot be read listed with its error, the timeline, and the
// HTML report saved as a download. axe in light, dark and forced colors.
// Screenshots: test-results/screens/activity-*.png.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeConsole } from '../../main/practice/console';
import { seriousViolations } from './support/axe';
import { appearances, captureDownload, openPage, screenshot, themed, type Media, type OpenedPage } from './support/browser';
import { startConsoleSuite, type Suite } from './support/suite';

let suite: Suite<PracticeConsole>;
let intactRun: string;
let tamperedRun: string;
const unreadableRun = 'unreadable-run';

/**
 * Plan the accounts of the simulated Windows hosts (a handful: quick), approve
 * them as the operator would (typing the privileged ones' names), leaving the
 * first `leaveOut` unapproved, run, and wait for the end.
 */
async function runWindowsAccounts(leaveOut: number): Promise<string> {
  const directories = await suite.practice.services.flow.directories();
  const directory = directories.find((d) => d.kind === 'windows');
  if (!directory) throw new Error('The practice console has no Windows directory.');
  const plan = await suite.practice.services.plans.create({ selection: { by: 'all', directoryIds: [directory.id] }, exclusionSets: ['Disabled accounts', 'Service accounts'] });
  const answers = plan.entries
    .slice(leaveOut)
    .map((entry) => (entry.approval.decision === 'typed-confirm' ? { key: entry.key, typedText: entry.account.login } : { key: entry.key, confirmed: true }));
  const { runId } = await suite.practice.services.runs.start(plan.id, answers);
  for (let waited = 0; suite.practice.services.runs.isActive(runId); waited += 100) {
    if (waited > 90_000) throw new Error(`Run ${runId} did not finish in 90 seconds.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return runId;
}

beforeAll(async () => {
  suite = await startConsoleSuite('activity');
  intactRun = await runWindowsAccounts(0);
  tamperedRun = await runWindowsAccounts(1);
  // Someone edits a finished journal (a step's message), without (being able to) fix the hash chain.
  const runs = path.join(suite.practice.dataDir, 'runs');
  const journal = path.join(runs, `${tamperedRun}.jsonl`);
  const lines = (await readFile(journal, 'utf8')).split('\n');
  const target = lines.findIndex((line) => line.includes('"type":"step"'));
  lines[target] = lines[target]!.replace(/"message":"[^"]*"/, '"message":"Edited after the fact."');
  await writeFile(journal, lines.join('\n'));
  await writeFile(path.join(runs, `${unreadableRun}.jsonl`), 'this is not a journal\n');
}, 180_000);

afterAll(async () => {
  await suite?.close();
});

async function openActivity(media: Media): Promise<OpenedPage> {
  const opened = await openPage(suite.browser, suite.practice.url, {
    media,
    height: 900,
    acceptDownloads: true,
    problems: { failedRequests: 'except-blob' },
  });
  await opened.page.getByRole('tab', { name: 'Activity' }).click();
  await opened.page.getByRole('heading', { name: /^Runs/ }).waitFor({ timeout: 30_000 });
  return opened;
}

/** The card of a run, found by the run id it shows. */
const runCard = (page: Page, runId: string) => page.getByRole('listitem').filter({ hasText: runId }).first();

describe('Activity', () => {
  it('shows each run with its outcomes chart, journal integrity, the unreadable one with its error, and the timeline', async () => {
    const { page, problems } = await openActivity(appearances.light);
    try {
      // The chart: one accessible image summarising both readable runs, with a legend.
      const chart = page.getByRole('img', { name: /^Outcomes of 2 runs, oldest first: \d+ verified/ });
      await chart.waitFor();
      expect(await page.getByRole('list', { name: 'Legend' }).innerText()).toMatch(/Verified\s+\d+/);

      // Integrity, checked per run: the intact chain, and the edited journal with its first broken record.
      await expect.poll(() => runCard(page, intactRun).innerText(), { timeout: 15_000 }).toMatch(/Chain verified: [\d,]+ records/);
      await expect.poll(() => runCard(page, tamperedRun).innerText(), { timeout: 15_000 }).toMatch(/Broken at record \d+: /);
      expect(await runCard(page, intactRun).innerText()).toMatch(/Finished/);
      expect(await runCard(page, intactRun).innerText()).toMatch(/\d+ verified/);

      // The journal that cannot be read is listed, with the reason, not hidden.
      expect(await page.getByText(`Run ${unreadableRun} could not be read`).count()).toBe(1);

      // The timeline across runs.
      const timeline = page.getByRole('list', { name: 'Timeline, newest first' });
      expect(await timeline.innerText()).toMatch(/Run started/);
      expect(await timeline.innerText()).toMatch(/Finished: \d+ verified/);

      await screenshot(page, 'activity-runs', { fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // The same numbers as a table, for screen readers and for copying.
      await page.getByRole('button', { name: 'Show as table' }).click();
      const table = page.getByRole('table', { name: 'Outcomes of 2 runs' });
      expect(await table.getByRole('row').count()).toBe(3);
      expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(expect.arrayContaining(['Run', 'Verified']));
      await screenshot(page, 'activity-table');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Show as chart' }).click();
      await chart.waitFor();

      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('saves a run report as HTML, CSV and JSON downloads', async () => {
    const { page, problems } = await openActivity(appearances.light);
    try {
      const card = runCard(page, intactRun);
      const save = (label: string) => captureDownload(page, card.getByRole('button', { name: new RegExp(`^Export ${label} of `) }));
      const html = await save('HTML report');
      expect(html.name).toBe(`rekey-run-${intactRun}.html`);
      expect(html.content).toMatch(/^<!doctype html>/i);
      expect(html.content).toContain(intactRun);
      expect(html.content).toMatch(/Verified/);
      expect(html.content).toMatch(/PARIS-FS01/);
      // A self-contained page: no script runs in a report someone opens later.
      expect(html.content).not.toMatch(/<script/i);

      const csv = await save('CSV');
      expect(csv.name).toBe(`rekey-run-${intactRun}.csv`);
      expect(csv.content.split(/\r?\n/)[0]).toMatch(/login/i);
      const json = await save('JSON');
      expect((JSON.parse(json.content) as { runId: string }).runId).toBe(intactRun);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it.each(themed('dark', 'high-contrast'))('is readable and passes axe in the $name theme', async ({ name, media }) => {
    const { page, problems } = await openActivity(media);
    try {
      await expect.poll(() => runCard(page, intactRun).innerText(), { timeout: 15_000 }).toMatch(/Chain verified/);
      await expect.poll(() => runCard(page, tamperedRun).innerText(), { timeout: 15_000 }).toMatch(/Broken at/);
      await screenshot(page, `activity-runs-${name}`);
      expect(await seriousViolations(page), name).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
