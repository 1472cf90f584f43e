// Activity in Debian Chromium against the real practice console: runs made
// through the console services (the same ones the Review & run screen calls)
// appear with a chart of outcomes per run, a journal integrity badge per run
// (an intact chain, and one whose journal file was edited afterwards), a run
// whose journal cannot be read listed with its error, the timeline, and the
// HTML report saved as a download. axe in light, dark and forced colors.
// Screenshots: test-results/screens/activity-*.png.
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

type Media = { colorScheme: 'light' | 'dark'; forcedColors: 'none' | 'active' };
const appearances: Array<{ name: string; media: Media }> = [
  { name: 'light', media: { colorScheme: 'light', forcedColors: 'none' } },
  { name: 'dark', media: { colorScheme: 'dark', forcedColors: 'none' } },
  { name: 'high-contrast', media: { colorScheme: 'dark', forcedColors: 'active' } },
];

let workDir: string;
let practice: PracticeConsole;
let browser: Browser;
let axeSource: string;
let intactRun: string;
let tamperedRun: string;
const unreadableRun = 'unreadable-run';

/**
 * Plan the accounts of the simulated Windows hosts (a handful: quick), approve
 * them as the operator would (typing the privileged ones' names), leaving the
 * first `leaveOut` unapproved, run, and wait for the end.
 */
async function runWindowsAccounts(leaveOut: number): Promise<string> {
  const directories = await practice.services.flow.directories();
  const directory = directories.find((d) => d.kind === 'windows');
  if (!directory) throw new Error('The practice console has no Windows directory.');
  const plan = await practice.services.plans.create({ selection: { by: 'all', directoryIds: [directory.id] }, exclusionSets: ['Disabled accounts', 'Service accounts'] });
  const answers = plan.entries
    .slice(leaveOut)
    .map((entry) => (entry.approval.decision === 'typed-confirm' ? { key: entry.key, typedText: entry.account.login } : { key: entry.key, confirmed: true }));
  const { runId } = await practice.services.runs.start(plan.id, answers);
  for (let waited = 0; practice.services.runs.isActive(runId); waited += 100) {
    if (waited > 90_000) throw new Error(`Run ${runId} did not finish in 90 seconds.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return runId;
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'rekey-activity-e2e-'));
  await build({ only: ['renderer'], outDir: workDir, log: () => {} });
  practice = await startPracticeConsole({ rendererDir: path.join(workDir, 'renderer') });
  intactRun = await runWindowsAccounts(0);
  tamperedRun = await runWindowsAccounts(1);
  // Someone edits a finished journal (a step's message), without (being able to) fix the hash chain.
  const runs = path.join(practice.dataDir, 'runs');
  const journal = path.join(runs, `${tamperedRun}.jsonl`);
  const lines = (await readFile(journal, 'utf8')).split('\n');
  const target = lines.findIndex((line) => line.includes('"type":"step"'));
  lines[target] = lines[target]!.replace(/"message":"[^"]*"/, '"message":"Edited after the fact."');
  await writeFile(journal, lines.join('\n'));
  await writeFile(path.join(runs, `${unreadableRun}.jsonl`), 'this is not a journal\n');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await mkdir(screensDir, { recursive: true });
}, 180_000);

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

async function openActivity(media: Media): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const problems = await watchForProblems(page);
  await page.emulateMedia({ ...media, reducedMotion: 'reduce' });
  await page.goto(practice.url);
  await page.getByRole('tab', { name: 'Activity' }).click();
  await page.getByRole('heading', { name: /^Runs/ }).waitFor({ timeout: 30_000 });
  return { page, problems };
}

/** The card of a run, found by the run id it shows. */
const runCard = (page: Page, runId: string) => page.getByRole('listitem').filter({ hasText: runId }).first();

describe('Activity', () => {
  it('shows each run with its outcomes chart, journal integrity, the unreadable one with its error, and the timeline', async () => {
    const { page, problems } = await openActivity(appearances[0]!.media);
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

      await page.screenshot({ path: path.join(screensDir, 'activity-runs.png'), animations: 'disabled', fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // The same numbers as a table, for screen readers and for copying.
      await page.getByRole('button', { name: 'Show as table' }).click();
      const table = page.getByRole('table', { name: 'Outcomes of 2 runs' });
      expect(await table.getByRole('row').count()).toBe(3);
      expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(expect.arrayContaining(['Run', 'Verified']));
      await page.screenshot({ path: path.join(screensDir, 'activity-table.png'), animations: 'disabled' });
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Show as chart' }).click();
      await chart.waitFor();

      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('saves a run report as HTML, CSV and JSON downloads', async () => {
    const { page, problems } = await openActivity(appearances[0]!.media);
    try {
      const card = runCard(page, intactRun);
      const save = async (label: string) => {
        const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: new RegExp(`^Export ${label} of `) }).click()]);
        return { name: download.suggestedFilename(), content: await readFile((await download.path())!, 'utf8') };
      };
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

  it.each(appearances.slice(1))('is readable and passes axe in the $name theme', async ({ name, media }) => {
    const { page, problems } = await openActivity(media);
    try {
      await expect.poll(() => runCard(page, intactRun).innerText(), { timeout: 15_000 }).toMatch(/Chain verified/);
      await expect.poll(() => runCard(page, tamperedRun).innerText(), { timeout: 15_000 }).toMatch(/Broken at/);
      await page.screenshot({ path: path.join(screensDir, `activity-runs-${name}.png`), animations: 'disabled' });
      expect(await seriousViolations(page), name).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
