// What a page complains about while a test drives it. Each test ends with
// `expect(problems).toEqual([])`, so a console error, a CSP violation or an
// uncaught exception fails the test that caused it.
import type { Page } from 'playwright-core';

export interface ProblemWatchOptions {
  /**
   * Which failed requests count: every one ('all', the default), every one but
   * blob: URLs ('except-blob', for pages that save downloads), or none.
   */
  failedRequests?: 'all' | 'except-blob' | 'none';
  /** Also count every response with an HTTP status of 400 or more. */
  httpErrors?: boolean;
}

/** Everything the page complains about: console errors, CSP violations, uncaught errors, failed loads. */
export async function watchForProblems(page: Page, options: ProblemWatchOptions = {}): Promise<string[]> {
  const { failedRequests = 'all', httpErrors = false } = options;
  const problems: string[] = [];
  // Chromium does not log a CSP violation that the page's code caught (zod's eval probe is one),
  // so listen for the violation events themselves.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  if (failedRequests !== 'none') {
    page.on('requestfailed', (request) => {
      // A saved download's blob URL is revoked after the click; that is not a failure of the page.
      if (failedRequests === 'except-blob' && request.url().startsWith('blob:')) return;
      problems.push(`request failed: ${request.url()}`);
    });
  }
  if (httpErrors) {
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
  }
  return problems;
}
