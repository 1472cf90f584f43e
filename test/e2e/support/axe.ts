// The accessibility audit every screen passes: axe-core's serious and
// critical violations, as sentences a failing test prints.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

let axeSource: Promise<string> | undefined;

/** axe-core's own bundle, read once per test file. */
function loadAxe(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * axe-core, injected through the DevTools protocol: a <script> tag would be
 * blocked by the console's own CSP (script-src 'self'), and bypassing the CSP
 * would stop this suite from noticing CSP violations in the app.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const installed = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!installed) await page.evaluate(await loadAxe());
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    // Tabster's focus-redirect sentinels (<i data-tabster-dummy aria-hidden tabindex=0>) are a known,
    // by-design false positive of aria-hidden-focus (microsoft/fluentui#27517); the rest of the page is audited.
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
}
